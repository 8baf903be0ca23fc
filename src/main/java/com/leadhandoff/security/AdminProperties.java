package com.leadhandoff.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first administrator, from LEAD_HANDOFF_ADMIN_USER and LEAD_HANDOFF_ADMIN_PASSWORD; never committed. */
@ConfigurationProperties("lead-handoff.admin")
public record AdminProperties(String user, String password) {

  static final int MIN_PASSWORD_LENGTH = 12;

  boolean configured() {
    return user != null && !user.isBlank();
  }
}
