package com.leadhandoff.handoff;

import com.leadhandoff.deployment.Processes;
import com.leadhandoff.lead.LeadAssigned;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.teams.SalesTeams;
import com.leadhandoff.teams.TeamRepository;
import com.leadhandoff.teams.TeamRepository.RepSettings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Fair round-robin inside the routed team ({@code ${repAssignment.assign(execution)}}), weighted: a rep of weight 2
 * gets two leads for every one of a rep of weight 1 (smooth weighted round-robin: each available rep gains their weight
 * in credit, the richest gets the lead and pays the available reps' total weight, so the turns interleave). It skips
 * reps who are inactive, out of office or at their capacity of open leads (they gain no credit meanwhile), and skips the rep who had the lead last (they let its SLA lapse, or rejected it and marketing
 * disputed the rejection). An account owner that LeadRouting names gets the lead unless they are away, at capacity or
 * inactive (then the rotation, and the ledger says why). A manager's choice overrides both. Every choice, and every skip, is written to the routing ledger. Sets {@code assignee}
 * (null: nobody is available, the lead waits in the team queue).
 */
@Component("repAssignment")
public class RepAssignment {

  /** Set by the manager's escalation task: the rep to hand the lead to. */
  static final String MANAGER_CHOICE = "managerChoice";
  /** The routing decision, whose {@code owner} output names the account's owner, if any. */
  static final String ROUTING_DECISION = "LeadRouting";

  private final IdentityService identity;
  private final TaskService tasks;
  private final RoutingRepository routing;
  private final RoutingProperties properties;
  private final SalesTeams teams;
  private final TeamRepository reps;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final LeadRepository leads;

  public RepAssignment(IdentityService identity, TaskService tasks, RoutingRepository routing, RoutingProperties properties,
      SalesTeams teams, TeamRepository reps, Clock clock, ApplicationEventPublisher events, LeadRepository leads) {
    this.leads = leads;
    this.clock = clock;
    this.events = events;
    this.identity = identity;
    this.tasks = tasks;
    this.routing = routing;
    this.properties = properties;
    this.teams = teams;
    this.reps = reps;
  }

  public void assign(DelegateExecution execution) {
    String team = (String) execution.getVariable("team");
    UUID leadId = UUID.fromString(execution.getProcessBusinessKey());
    String previous = (String) execution.getVariable("assignee");
    String managerChoice = (String) execution.getVariable(MANAGER_CHOICE);
    String chosen;
    String reason;
    if (managerChoice != null) {
      chosen = managerChoice.isBlank() ? null : managerChoice;
      reason = "chosen by the manager: " + execution.getVariable("managerReason");
      execution.removeVariable(MANAGER_CHOICE);
    } else {
      // the rep who had the lead last is skipped: they let its SLA lapse, or rejected it and marketing disputed that
      String why = "reject".equals(execution.getVariable("decision")) ? "rejected this lead" : "just let the SLA lapse on this lead";
      Choice choice = ownerOrRotation(team, decidedOwner(leadId), previous, why);
      chosen = choice.rep();
      reason = choice.reason();
    }
    execution.setVariable("assignee", chosen);
    OffsetDateTime now = OffsetDateTime.now(clock);
    routing.record(new RoutingRepository.LedgerEntry(leadId, team, chosen, reason, now));
    if (chosen != null) {
      events.publishEvent(new LeadAssigned(leadId, team, chosen, reason, now));
    }
  }

  /** Whoever completes the accept task owns the lead from then on (a rep may have taken it from the team queue). */
  public void completedBy(DelegateTask task) {
    String owner = task.getAssignee();
    if (owner == null && identity.getCurrentAuthentication() != null) {
      owner = identity.getCurrentAuthentication().getUserId();
    }
    task.getExecution().setVariable("assignee", owner);
  }

  /** Who gets a lead (null: nobody, it waits in the team queue) and why, for the ledger. */
  public record Choice(String rep, String reason) {}

  /** The account owner the lead's routing decision named (its decision record), or null. */
  private String decidedOwner(UUID leadId) {
    return leads.latestDecision(leadId, ROUTING_DECISION).map(decided -> decided.output("owner")).orElse(null);
  }

  /**
   * The account owner LeadRouting named, unless they are inactive (no longer a rep of the team), away, at capacity or the
   * rep who had the lead last; then the team's rotation, and the reason says why the owner did not get it.
   */
  Choice ownerOrRotation(String team, String owner, String hadItLast, String whyNotThem) {
    if (owner == null || owner.isBlank()) {
      return rotate(team, hadItLast, whyNotThem);
    }
    String unavailable;
    if (owner.equals(hadItLast)) {
      unavailable = whyNotThem;
    } else if (identity.createUserQuery().userId(owner).memberOfGroup(team).count() == 0) {
      unavailable = "inactive: not a rep of " + team;
    } else {
      unavailable = whyUnavailable(team, reps.rep(owner));
    }
    if (unavailable == null) {
      return new Choice(owner, "the account's owner (named by LeadRouting)");
    }
    Choice rotation = rotate(team, hadItLast, whyNotThem);
    return new Choice(rotation.rep(), "account owner " + owner + " not available (" + unavailable + "), so the team's rotation: "
        + rotation.reason());
  }

  public Choice rotate(String team, String hadItLast, String whyNotThem) {
    List<String> members = identity.createUserQuery().memberOfGroup(team).orderByUserId().asc().list().stream().map(User::getId).toList();
    if (members.isEmpty()) {
      return new Choice(null, "team " + team + " has no reps: left in the team queue");
    }
    reps.lockRotation(team); // two nodes assigning the team's leads at once take turns, so no credit is spent twice
    List<RepSettings> available = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String rep : members) {
      RepSettings settings = reps.rep(rep);
      String unavailable = rep.equals(hadItLast) ? whyNotThem : whyUnavailable(team, settings);
      if (unavailable == null) {
        available.add(settings);
      } else {
        skipped.add(rep + " (" + unavailable + ")");
      }
    }
    String skips = skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped);
    if (available.isEmpty()) {
      return new Choice(null, "no rep available, left in the team queue" + skips);
    }
    int total = available.stream().mapToInt(RepSettings::weight).sum();
    RepSettings chosen = null;
    long best = Long.MIN_VALUE;
    for (RepSettings rep : available) {
      long credit = rep.credit() + rep.weight();
      if (credit > best) {
        best = credit;
        chosen = rep;
      }
    }
    for (RepSettings rep : available) {
      reps.saveCredit(rep.userId(), rep.credit() + rep.weight() - (rep == chosen ? total : 0));
    }
    return new Choice(chosen.userId(), "weighted rotation: weight " + chosen.weight() + " of " + total + " among the "
        + available.size() + " available rep" + (available.size() == 1 ? "" : "s") + skips);
  }

  /** Why a rep gets no new lead now (inactive, out of office in their zone's today, at capacity), or null. */
  String whyUnavailable(String team, RepSettings rep) {
    if (!rep.active()) {
      return "inactive";
    }
    LocalDate today = OffsetDateTime.now(clock).atZoneSameInstant(teams.workingTime(team, rep.userId()).zone()).toLocalDate();
    for (TeamRepository.Absence absence : reps.absences(rep.userId())) {
      if (absence.covers(today)) {
        return "out of office" + (absence.ends() == null ? "" : " until " + absence.ends());
      }
    }
    int capacity = rep.capacity() != null ? rep.capacity() : properties.defaultCapacity();
    // a rep's open leads: those to accept and those in sales follow-up
    long open = tasks.createTaskQuery().taskAssignee(rep.userId()).processDefinitionKeyIn(Processes.ALL.toArray(String[]::new)).count();
    if (open >= capacity) {
      return "at capacity, " + open + " of " + capacity + " open leads";
    }
    return null;
  }
}
