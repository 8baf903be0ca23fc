package com.leadhandoff.security;

import java.util.List;
import org.springframework.security.core.Authentication;

/** A Camunda user calling an /api endpoint, with their Camunda groups, for checks that depend on the data (a team's managers). */
public record ApiUser(String id, List<String> groups) {

  public boolean isMemberOfAny(String... candidates) {
    for (String group : candidates) {
      if (groups.contains(group)) {
        return true;
      }
    }
    return false;
  }

  public static ApiUser of(Authentication authentication) {
    return new ApiUser(authentication.getName(), SecurityConfig.groups(authentication));
  }
}
