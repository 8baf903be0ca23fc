package com.leadhandoff.security;

import java.util.Map;

/**
 * The sales teams' Camunda groups, group id to display name: IdentityBootstrap creates and authorizes them. The teams
 * themselves are the teams package's (teams.SalesTeams provides this), so security does not depend on it.
 */
public interface SalesTeamGroups {

  Map<String, String> salesTeamGroups();
}
