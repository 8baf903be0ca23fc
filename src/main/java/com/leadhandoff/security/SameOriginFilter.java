package com.leadhandoff.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A change made with the browser's cookies (no Authorization header) whose Origin is another site's is refused with
 * 403, whatever CSRF token it carries: a token can leak, a browser's Origin cannot be forged. Browsers send Origin
 * with every POST, PUT and DELETE; a client without one (curl) is not a browser and carries no one's cookies.
 */
class SameOriginFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private final Problems problems;

  SameOriginFilter(Problems problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader("Origin");
    if (origin != null && !SAFE_METHODS.contains(request.getMethod()) && request.getHeader("Authorization") == null
        && !origin.equalsIgnoreCase(ownOrigin(request))) {
      problems.write(response, HttpStatus.FORBIDDEN, "A change from another site (Origin " + origin + ") is refused.");
      return;
    }
    chain.doFilter(request, response);
  }

  /** This server's origin as the browser sees it (behind a proxy: from its X-Forwarded headers). */
  private static String ownOrigin(HttpServletRequest request) {
    return UriComponentsBuilder.newInstance().scheme(request.getScheme()).host(request.getServerName())
        .port(isDefaultPort(request) ? -1 : request.getServerPort()).toUriString();
  }

  private static boolean isDefaultPort(HttpServletRequest request) {
    int port = request.getServerPort();
    return ("http".equals(request.getScheme()) && port == 80) || ("https".equals(request.getScheme()) && port == 443);
  }
}
