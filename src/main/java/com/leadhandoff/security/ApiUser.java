package com.leadhandoff.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** The authenticated caller of an /api request, with its Camunda groups. */
public record ApiUser(String id, List<String> groups) {

  static final String ATTRIBUTE = ApiUser.class.getName();

  public boolean isMemberOfAny(String... candidates) {
    for (String group : candidates) {
      if (groups.contains(group)) {
        return true;
      }
    }
    return false;
  }

  public static ApiUser of(HttpServletRequest request) {
    ApiUser user = (ApiUser) request.getAttribute(ATTRIBUTE);
    if (user == null) {
      throw new IllegalStateException("No authenticated user on " + request.getRequestURI());
    }
    return user;
  }
}
