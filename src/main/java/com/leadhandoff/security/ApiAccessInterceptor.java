package com.leadhandoff.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Refuses an /api call with 403 unless the caller is in one of the endpoint's {@link AllowedGroups}. */
class ApiAccessInterceptor implements HandlerInterceptor {

  private final ApiAuthenticationFilter problems;

  ApiAccessInterceptor(ApiAuthenticationFilter problems) {
    this.problems = problems;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
    if (!(handler instanceof HandlerMethod method)) {
      return true; // static resources and not-found handling
    }
    AllowedGroups allowed = method.getMethodAnnotation(AllowedGroups.class);
    if (allowed == null) {
      allowed = method.getBeanType().getAnnotation(AllowedGroups.class);
    }
    ApiUser user = ApiUser.of(request);
    if (user.isMemberOfAny(Groups.ADMINS) || (allowed != null
        && (java.util.List.of(allowed.value()).contains(AllowedGroups.ANY_USER) || user.isMemberOfAny(allowed.value())))) {
      return true;
    }
    problems.writeProblem(response, HttpStatus.FORBIDDEN, "User " + user.id() + " is not in a group allowed to do this.");
    return false;
  }
}
