package com.leadhandoff.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's HTTP Basic filter for /engine-rest, except that nothing is left open: the stock filter lets
 * the engine list ({@code /engine}) through without credentials, which tells a stranger what runs here.
 */
public class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return true;
  }
}
