package com.leadhandoff.integrations;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.stereotype.Component;

/**
 * Reads {@code Authorization: Bearer <key>} for the security layer's key filter (SecurityConfig), with the client's
 * address for the failed-login count; null when the request has no key.
 */
@Component
class IntegrationKeyConverter implements AuthenticationConverter {

  private static final String BEARER = "Bearer ";
  private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

  @Override
  public IntegrationKeyAuthentication convert(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    IntegrationKeyAuthentication unchecked = IntegrationKeyAuthentication.unchecked(header.substring(BEARER.length()).trim());
    unchecked.setDetails(details.buildDetails(request));
    return unchecked;
  }
}
