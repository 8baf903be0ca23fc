package com.leadhandoff.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * A user and password (HTTP Basic, the login page, the webapps' login) checked against Camunda's identity service;
 * the authenticated user holds ROLE_ plus each of their groups. A password still stored with the hash of an earlier
 * version is stored again with today's (PasswordHashing) once it proved right.
 */
@Component
class CamundaUserAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;

  CamundaUserAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication login) {
    String userId = login.getName();
    Object given = login.getCredentials();
    if (userId == null || userId.isEmpty() || given == null || !identity.checkPassword(userId, given.toString())) {
      throw new BadCredentialsException("Wrong user or password");
    }
    upgradeHash(userId, given.toString());
    List<SimpleGrantedAuthority> roles = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).map(group -> new SimpleGrantedAuthority(Access.ROLE + group)).toList();
    UsernamePasswordAuthenticationToken authenticated = UsernamePasswordAuthenticationToken.authenticated(userId, null, roles);
    authenticated.setDetails(login.getDetails());
    return authenticated;
  }

  private void upgradeHash(String userId, String password) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user != null && !PasswordHashing.isCurrent(user.getPassword())) {
      user.setPassword(password);
      identity.saveUser(user);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
