package com.leadhandoff.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the Camunda user Spring Security authenticated to Camunda (its container-based authentication): to the
 * webapps (ContainerBasedAuthenticationFilter) and to the REST API (ProcessEngineAuthenticationFilter), with the
 * user's groups and tenants as they are now. An integration key is no Camunda user: Camunda gets no one.
 * Camunda instantiates it by class name (SecurityConfig).
 */
public class SpringSecurityUser extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!SecurityConfig.isCamundaUser(authentication)) {
      return AuthenticationResult.unsuccessful();
    }
    String userId = authentication.getName();
    IdentityService identity = engine.getIdentityService();
    AuthenticationResult result = AuthenticationResult.successful(userId);
    result.setGroups(identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
    result.setTenants(identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList());
    return result;
  }
}
