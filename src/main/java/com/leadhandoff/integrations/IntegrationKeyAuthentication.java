package com.leadhandoff.integrations;

import com.leadhandoff.security.Access;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * A request's integration key: before the check only the key; after it the integration, holding SCOPE_ plus each
 * of its scopes.
 */
public final class IntegrationKeyAuthentication extends AbstractAuthenticationToken {

  private final String key;
  private final String integration;

  private IntegrationKeyAuthentication(String key, String integration, List<String> scopes) {
    super(scopes.stream().map(scope -> new SimpleGrantedAuthority(Access.SCOPE + scope)).toList());
    this.key = key;
    this.integration = integration;
    setAuthenticated(integration != null);
  }

  /** An integration key as a request sends it, before it is checked. */
  static IntegrationKeyAuthentication unchecked(String key) {
    return new IntegrationKeyAuthentication(key, null, List.of());
  }

  @Override
  public Object getCredentials() {
    return key;
  }

  @Override
  public Object getPrincipal() {
    return integration;
  }

  /** Checks keys against the stored ones. */
  @Component
  static class Provider implements AuthenticationProvider {

    private final IntegrationKeys keys;

    Provider(IntegrationKeys keys) {
      this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication unchecked) {
      String key = (String) unchecked.getCredentials();
      IntegrationKey found = keys.check(key).orElseThrow(() -> new BadCredentialsException("Unknown or revoked integration key"));
      IntegrationKeyAuthentication authenticated = new IntegrationKeyAuthentication(null, found.integration(), found.scopes());
      authenticated.setDetails(unchecked.getDetails());
      return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
      return IntegrationKeyAuthentication.class.isAssignableFrom(authentication);
    }
  }
}
