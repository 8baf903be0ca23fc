package com.leadhandoff.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The login form Tasklist, Cockpit and Admin show themselves (after a logout, or when a session ended) posts to
 * Camunda's login resource; Spring Security answers it instead, so every login goes through one place (and its
 * limit on failed logins), and answers as Camunda's resource does: the user and the apps they may open, 403 when the
 * user may not open the app they logged in to.
 */
final class WebappLogin implements AuthenticationSuccessHandler {

  static final List<String> APPS = List.of("cockpit", "tasklist", "admin");

  private final AuthorizationService authorizations;
  private final ObjectMapper json;

  WebappLogin(AuthorizationService authorizations, ObjectMapper json) {
    this.authorizations = authorizations;
    this.json = json;
  }

  static RequestMatcher login(String applicationPath) {
    return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, applicationPath + "/api/admin/auth/user/{engine}/login/{app}");
  }

  static RequestMatcher logout(String applicationPath) {
    return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, applicationPath + "/api/admin/auth/user/{engine}/logout");
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    String userId = authentication.getName();
    List<String> groups = SecurityConfig.groups(authentication);
    List<String> apps = new ArrayList<>();
    for (String app : APPS) {
      if (authorizations.isUserAuthorized(userId, groups, Permissions.ACCESS, Resources.APPLICATION, app)) {
        apps.add(app);
      }
    }
    apps.add("welcome");
    String app = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
    if (!apps.contains(app)) {
      SecurityContextHolder.clearContext();
      request.getSession().invalidate();
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Map.of("userId", userId, "authorizedApps", apps));
  }
}
