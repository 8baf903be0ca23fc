package com.leadhandoff;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Creates test users in given groups (the groups themselves come from IdentityBootstrap). */
public final class TestUsers {

  public static final String PASSWORD = "test-password-1";

  private TestUsers() {}

  public static void ensure(IdentityService identity, String userId, String... groups) {
    if (identity.createUserQuery().userId(userId).count() > 0) {
      return;
    }
    User user = identity.newUser(userId);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    for (String group : List.of(groups)) {
      identity.createMembership(userId, group);
    }
  }
}
