package com.leadhandoff.accounts;

import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.InvalidRequestException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Company domains as leads and accounts are matched on: lower case, without {@code www.}. */
public final class Domains {

  private Domains() {}

  /** The company's domain: from its website if given, otherwise from the email address. */
  public static String companyDomain(String website, String email) {
    String host = null;
    if (website != null && !website.isBlank()) {
      String candidate = website.trim().contains("://") ? website.trim() : "https://" + website.trim();
      try {
        host = URI.create(candidate).getHost();
      } catch (IllegalArgumentException notAUrl) {
        throw new InvalidRequestException(List.of(new FieldError("company.website", "is not a web address")));
      }
      if (host == null) {
        throw new InvalidRequestException(List.of(new FieldError("company.website", "is not a web address")));
      }
    } else if (email != null && email.contains("@")) {
      host = email.substring(email.lastIndexOf('@') + 1);
    }
    if (host == null) {
      return null;
    }
    host = host.trim().toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
  }
}
