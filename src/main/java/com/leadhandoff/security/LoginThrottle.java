package com.leadhandoff.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with Retry-After, without checking the password, to a login (HTTP Basic, or a login form's POST) from an
 * address that has no failed login left (FailedLogins). Integration keys are checked even then: one cannot be guessed,
 * so a right key works while strangers at the same address fail (IntegrationKeyFilter answers their wrong keys 429).
 */
class LoginThrottle extends OncePerRequestFilter {

  private final FailedLogins failedLogins;
  private final RequestMatcher loginForms;
  private final RequestMatcher loginPage;
  private final Problems problems;

  /** loginForms: the POSTs of login forms; loginPage: those of them a browser shows the answer of as a page. */
  LoginThrottle(FailedLogins failedLogins, RequestMatcher loginForms, RequestMatcher loginPage, Problems problems) {
    this.failedLogins = failedLogins;
    this.loginForms = loginForms;
    this.loginPage = loginPage;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String authorization = request.getHeader("Authorization");
    boolean login = loginForms.matches(request) || (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6));
    Duration wait = login ? failedLogins.waitBeforeNextLogin(request.getRemoteAddr()) : Duration.ZERO;
    if (wait.isZero()) {
      chain.doFilter(request, response);
    } else if (loginPage.matches(request) && !SecurityConfig.isScript(request)) {
      response.sendRedirect(request.getContextPath() + SecurityConfig.LOGIN_PAGE + "?wait=" + Problems.seconds(wait));
    } else {
      problems.tooManyFailedLogins(response, wait);
    }
  }
}
