package com.leadhandoff.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The groups that may call an /api endpoint; administrators always may. An endpoint without this
 * annotation is refused to everyone, so a new endpoint cannot be open by mistake.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowedGroups {

  /** Any authenticated user: the endpoint checks who may do what itself (e.g. a team's own managers and reps). */
  String ANY_USER = "*";

  String[] value();
}
