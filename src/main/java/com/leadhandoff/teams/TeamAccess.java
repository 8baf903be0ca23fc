package com.leadhandoff.teams;

import com.leadhandoff.security.ApiUser;
import com.leadhandoff.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may change what of a team, in one place: administrators and the sales managers' group every team, a team's
 * own managers their team, a rep their own out-of-office periods. Anyone else gets 403.
 */
@Component
public class TeamAccess {

  private final SalesTeams teams;
  private final IdentityService identity;

  public TeamAccess(SalesTeams teams, IdentityService identity) {
    this.teams = teams;
    this.identity = identity;
  }

  public boolean managesEveryTeam(ApiUser user) {
    return user.isMemberOfAny(Groups.ADMINS, Groups.SALES_MANAGERS);
  }

  public boolean manages(ApiUser user, String teamId) {
    return managesEveryTeam(user) || teams.team(teamId).map(team -> team.managers().contains(user.id())).orElse(false);
  }

  public void checkManages(ApiUser user, String teamId) {
    if (!manages(user, teamId)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "User " + user.id() + " does not manage team " + teamId + ".");
    }
  }

  /** Only administrators and the sales managers' group create teams or name their managers. */
  public void checkManagesEveryTeam(ApiUser user) {
    if (!managesEveryTeam(user)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Only administrators and the " + Groups.SALES_MANAGERS + " group create teams or change who manages them.");
    }
  }

  /** A rep's own absences: the rep (a member of the team) or whoever manages the team. */
  public void checkRepOrManager(ApiUser user, String teamId, String rep) {
    boolean self = user.id().equals(rep) && identity.createUserQuery().userId(rep).memberOfGroup(teamId).count() > 0;
    if (!self && !manages(user, teamId)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "User " + user.id() + " may set only their own out of office, or manage team "
          + teamId + ".");
    }
  }

  /** Reading a team: its managers, the managers' group, administrators and its reps. */
  public void checkReads(ApiUser user, String teamId) {
    if (!manages(user, teamId) && !user.groups().contains(teamId)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "User " + user.id() + " is neither a rep nor a manager of team " + teamId + ".");
    }
  }
}
