package com.leadhandoff.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Free-mail and disposable email domains (gmail.com, web.de, ...; {@code accounts/free-mail-domains.txt}, which names
 * the list it is taken from): an address there says nothing about the company, so it never matches an account, and
 * no account may claim such a domain.
 */
@Component
public class FreeMailDomains {

  private final Set<String> domains;

  public FreeMailDomains() {
    Set<String> loaded = new HashSet<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
        new ClassPathResource("accounts/free-mail-domains.txt").getInputStream(), StandardCharsets.UTF_8))) {
      lines.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(loaded::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read accounts/free-mail-domains.txt", e);
    }
    this.domains = Set.copyOf(loaded);
  }

  /** Whether the (normalised, lower-case) domain is a free-mail provider's. */
  public boolean contains(String domain) {
    return domain != null && domains.contains(domain);
  }
}
