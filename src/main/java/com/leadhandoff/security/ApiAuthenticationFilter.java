package com.leadhandoff.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every /api request is authenticated: HTTP Basic against Camunda's identity service, or, for reading (GET) only,
 * the user already logged in to the Camunda webapps in this browser session (the reports page and the Cockpit
 * plugin read the reports so). Writes need Basic, so a page on another site cannot make a logged-in browser
 * change anything. 401 problem details otherwise.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final String engineName;
  private final ObjectMapper json;

  public ApiAuthenticationFilter(IdentityService identityService, String engineName, ObjectMapper json) {
    this.identityService = identityService;
    this.engineName = engineName;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ApiUser user = authenticate(request.getHeader("Authorization"));
    if (user == null && "GET".equals(request.getMethod())) {
      user = webappUser(request.getSession(false));
    }
    if (user == null) {
      if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) { // a page's script shows its own login
        response.setHeader("WWW-Authenticate", "Basic realm=\"Lead Handoff\", charset=\"UTF-8\"");
      }
      writeProblem(response, HttpStatus.UNAUTHORIZED, "Send a Camunda user and password with HTTP Basic authentication.");
      return;
    }
    request.setAttribute(ApiUser.ATTRIBUTE, user);
    chain.doFilter(request, response);
  }

  private ApiUser authenticate(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    if (!identityService.checkPassword(userId, decoded.substring(colon + 1))) {
      return null;
    }
    return user(userId);
  }

  private ApiUser webappUser(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentication login = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
    return login == null || login == Authentication.ANONYMOUS ? null : user(login.getIdentityId());
  }

  /** The user with their groups as they are now, not as they were at login. */
  private ApiUser user(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    return new ApiUser(userId, groups);
  }

  void writeProblem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
  }
}
