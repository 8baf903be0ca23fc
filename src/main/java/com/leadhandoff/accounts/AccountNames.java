package com.leadhandoff.accounts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Company names as they are compared: lower case, accents and punctuation gone, legal suffixes dropped
 * ("ACME GmbH & Co. KG" and "Acme" are both "acme"), words separated by one space.
 */
public final class AccountNames {

  /** Legal forms and their abbreviations, dropped at the end of a name (where they stand), repeatedly. */
  private static final Set<String> LEGAL_SUFFIXES = Set.of("gmbh", "mbh", "ag", "kg", "co", "kgaa", "ug", "se", "ev", "inc",
      "incorporated", "corp", "corporation", "llc", "llp", "lp", "ltd", "limited", "plc", "company", "sa", "sas", "sarl", "sl",
      "srl", "spa", "bv", "nv", "oy", "ab", "as", "aps", "pty", "pte", "kk", "oyj", "group", "holding", "holdings");

  /** The name prefix whose accounts a name is scored against: an index lookup, not a scan. */
  static final int PREFIX_LENGTH = 4;

  private AccountNames() {}

  /** The comparable form of a name; empty when nothing but punctuation and legal forms is left. */
  public static String key(String name) {
    if (name == null) {
      return "";
    }
    String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
        .replace("&", " ").replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    List<String> words = new ArrayList<>(Arrays.asList(plain.isEmpty() ? new String[0] : plain.split(" ")));
    // "Acme Co" -> "acme"; a name that is only a legal form ("Holding") keeps its word
    while (words.size() > 1 && LEGAL_SUFFIXES.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    return String.join(" ", words);
  }

  public static String prefix(String key) {
    return key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
  }
}
