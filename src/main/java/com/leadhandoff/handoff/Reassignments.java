package com.leadhandoff.handoff;

import com.leadhandoff.security.TaskHandOver;
import java.time.Clock;
import java.time.OffsetDateTime;
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
 * Every change of assignee a person makes to a sales team's task is written to the routing ledger with who made it and
 * how, and hands the lead to the new rep (the process variable {@code assignee}, which SLA breaches and the rotation
 * read); a review's or an escalation's assignee is not the lead's rep.
 * What the process does itself (a task being created, a job, the application's own code) is not checked here.
 */
@Component
public class Reassignments implements TaskHandOver {

  /** Camunda's states of an open task; before, it is being created, after, completed or deleted by the process. */
  private static final Set<String> OPEN = Set.of("Created", "Updated");

  private final IdentityService identity;
  private final RoutingRepository routing;
  private final Clock clock;

  public Reassignments(IdentityService identity, RoutingRepository routing, Clock clock) {
    this.identity = identity;
    this.routing = routing;
    this.clock = clock;
  }

  /**
   * Before the task's assignee changes: refused unless the new one is of the task's team. A sales team's task (the
   * lead's own team among its candidate groups) hands the lead on: a line of the routing ledger, and the lead's rep.
   */
  @Override
  public void assigneeChanging(DelegateTask task, String from, String to) {
    String person = person(task);
    if (person == null) {
      return;
    }
    if (to != null) {
      requireTeamMember(task, to, "assign", true);
    }
    Object team = task.getVariable("team");
    if (team == null || !candidateGroups(task).contains(team.toString())) {
      return; // a review or an escalation: the lead stays with its rep
    }
    routing.record(new RoutingRepository.LedgerEntry(leadId(task), team.toString(), to, task.getName() + ": " + how(task, person, from, to),
        OffsetDateTime.now(clock)));
    if (to != null) {
      task.getExecution().setVariable("assignee", to); // the lead's rep, as if the rotation had chosen them
    }
  }

  private static String how(DelegateTask task, String person, String from, String to) {
    DelegationState delegation = ((Task) task).getDelegationState();
    String owner = task.getOwner();
    if (to == null) {
      return "returned to the team queue by " + person + (from == null ? "" : " (was " + from + ")");
    } else if (delegation == DelegationState.PENDING && Objects.equals(owner, from)) {
      return "delegated by " + person + " to " + to;
    } else if (delegation == DelegationState.RESOLVED && to.equals(owner)) {
      return "handed back to " + to + " by " + person + " (delegation resolved)";
    } else if (to.equals(person)) {
      return "claimed by " + person + (from == null ? " from the team queue" : " (was " + from + ")");
    }
    return "reassigned by " + person + (from == null ? " from the team queue" : " from " + from) + " to " + to;
  }

  /** Before the task's owner changes (a delegation makes the assignee the owner): only to someone of the team. */
  @Override
  public void ownerChanging(DelegateTask task, String to) {
    if (person(task) != null && to != null) {
      requireTeamMember(task, to, "make the owner of", true);
    }
  }

  /** Before a candidate user is added (Camunda has added it to the task's links already): only a member of its groups. */
  @Override
  public void candidateUserAdding(DelegateTask task, String userId) {
    if (person(task) != null) {
      requireTeamMember(task, userId, "add as candidate to", false);
    }
  }

  /** Before a candidate group is added or removed: never by a person. */
  @Override
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

  /** 403 unless the user is a member of one of the task's candidate groups (or one of its candidate users, if they count). */
  private void requireTeamMember(DelegateTask task, String userId, String what, boolean candidateUsersCount) {
    List<String> groups = candidateGroups(task);
    boolean member = Context.getCommandContext().runWithoutAuthorization(() -> groups.stream()
        .anyMatch(group -> identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0));
    boolean candidateUser = candidateUsersCount && task.getCandidates().stream().anyMatch(link -> userId.equals(link.getUserId()));
    if (!member && !candidateUser) {
      throw new AuthorizationException("Cannot " + what + " task " + task.getName() + " (" + task.getId() + ") " + userId
          + ": not of the task's team " + groups + ". A lead goes only to a rep of its team.");
    }
  }

  private static List<String> candidateGroups(DelegateTask task) {
    return task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
  }

  private static UUID leadId(DelegateTask task) {
    return UUID.fromString(task.getExecution().getProcessBusinessKey());
  }
}
