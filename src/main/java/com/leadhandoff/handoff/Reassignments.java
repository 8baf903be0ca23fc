package com.leadhandoff.handoff;

import com.leadhandoff.lead.LeadJournal;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may get an open task when a person hands it on (Tasklist's claim, assign, delegate and reset; the REST API's
 * assignee, delegate, claim for someone, owner and candidate links): only someone of the task's team, that is a member
 * of one of its candidate groups or one of its candidate users. Anyone else is refused with 403, whoever asks, and
 * nothing changes. A task's team is the routing decision's: nobody adds or removes a task's candidate groups by hand.
 * Every change of assignee a person makes is written to the routing ledger with who made it and how, and a rep's task
 * hands its lead to the new rep (the process variable {@code assignee}, which SLA breaches and the rotation read).
 * What the process does itself (a task being created, a job, the application's own code) is not checked here.
 */
@Component
public class Reassignments {

  /** Camunda's states of an open task; before, it is being created, after, completed or deleted by the process. */
  private static final Set<String> OPEN = Set.of("Created", "Updated");

  private final IdentityService identity;
  private final RoutingRepository routing;

  public Reassignments(IdentityService identity, RoutingRepository routing) {
    this.identity = identity;
    this.routing = routing;
  }

  /** Before the task's assignee changes: refused unless the new one is of the task's team; recorded in the ledger. */
  public void assigneeChanging(DelegateTask task, String from, String to) {
    String person = person(task);
    if (person == null) {
      return;
    }
    String team = to == null ? firstCandidateGroup(task) : teamOf(task, to, "assign", true);
    DelegationState delegation = ((Task) task).getDelegationState();
    String owner = task.getOwner();
    String how;
    if (to == null) {
      how = "returned to the team queue by " + person + (from == null ? "" : " (was " + from + ")");
    } else if (delegation == DelegationState.PENDING && Objects.equals(owner, from)) {
      how = "delegated by " + person + " to " + to;
    } else if (delegation == DelegationState.RESOLVED && to.equals(owner)) {
      how = "handed back to " + to + " by " + person + " (delegation resolved)";
    } else if (to.equals(person)) {
      how = "claimed by " + person + (from == null ? " from the team queue" : " (was " + from + ")");
    } else {
      how = "reassigned by " + person + (from == null ? " from the team queue" : " from " + from) + " to " + to;
    }
    Object leadTeam = task.getVariable("team");
    routing.record(new RoutingRepository.LedgerEntry(leadId(task), team != null ? team : String.valueOf(leadTeam), to,
        task.getName() + ": " + how, LeadJournal.now()));
    if (to != null && leadTeam != null && candidateGroups(task).contains(leadTeam.toString())) {
      task.getExecution().setVariable("assignee", to); // the lead's rep, as if the rotation had chosen them
    }
  }

  /** Before the task's owner changes (a delegation makes the assignee the owner): only to someone of the team. */
  public void ownerChanging(DelegateTask task, String to) {
    if (person(task) != null && to != null) {
      teamOf(task, to, "make the owner of", true);
    }
  }

  /** Before a candidate user is added (Camunda has added it to the task's links already): only a member of its groups. */
  public void candidateUserAdding(DelegateTask task, String userId) {
    if (person(task) != null) {
      teamOf(task, userId, "add as candidate to", false);
    }
  }

  /** Before a candidate group is added or removed: never by a person. */
  public void candidateGroupsChanging(DelegateTask task) {
    String person = person(task);
    if (person != null) {
      throw new AuthorizationException(person + " may not change the groups of task " + task.getName() + " (" + task.getId()
          + "): the routing decision gives a lead its team.");
    }
  }

  /**
   * The person making this change to a lead's open task, or null when the process makes it (the task is being created,
   * completed or deleted, or no one is logged in) or the task is not a lead's (a task someone created in Tasklist).
   */
  private String person(DelegateTask task) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null || task.getProcessInstanceId() == null
        || !OPEN.contains(((Task) task).getTaskState())) {
      return null;
    }
    return authentication.getUserId();
  }

  /**
   * The candidate group of the task the user is a member of (or the first, for one of its candidate users if they
   * count); 403 for anyone else.
   */
  private String teamOf(DelegateTask task, String userId, String what, boolean candidateUsersCount) {
    List<String> groups = candidateGroups(task);
    String team = Context.getCommandContext().runWithoutAuthorization(() -> groups.stream()
        .filter(group -> identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0).findFirst()
        .orElse(null));
    if (team != null) {
      return team;
    }
    boolean candidateUser = candidateUsersCount && task.getCandidates().stream().anyMatch(link -> userId.equals(link.getUserId()));
    if (candidateUser) {
      return groups.isEmpty() ? null : groups.get(0);
    }
    throw new AuthorizationException("Cannot " + what + " task " + task.getName() + " (" + task.getId() + ") " + userId
        + ": not of the task's team " + groups + ". A lead goes only to a rep of its team.");
  }

  private static List<String> candidateGroups(DelegateTask task) {
    return task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
  }

  private static String firstCandidateGroup(DelegateTask task) {
    List<String> groups = candidateGroups(task);
    return groups.isEmpty() ? null : groups.get(0);
  }

  private static UUID leadId(DelegateTask task) {
    return UUID.fromString(task.getExecution().getProcessBusinessKey());
  }
}
