package com.leadhandoff.handoff;

import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.InvalidRequestException;
import com.leadhandoff.deployment.Processes;
import com.leadhandoff.security.ApiUser;
import com.leadhandoff.sla.SlaRepository;
import com.leadhandoff.teams.TeamAccess;
import com.leadhandoff.teams.TeamRepository;
import com.leadhandoff.teams.TeamService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager moves a rep's open leads (all, or a selection) to the team by the fair rotation or to one named rep: the
 * lead's open tasks, its {@code assignee} and its running SLA clocks go to the new rep with their due dates and timers
 * unchanged, and each move is a line in the routing ledger with its reason.
 */
@Service
public class HandOver {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final RepAssignment assignment;
  private final RoutingRepository routing;
  private final SlaRepository slas;
  private final TeamAccess access;
  private final TeamService teams;
  private final TeamRepository repository;
  private final Clock clock;

  public HandOver(TaskService tasks, RuntimeService runtime, IdentityService identity, RepAssignment assignment, RoutingRepository routing,
      SlaRepository slas, TeamAccess access, TeamService teams, TeamRepository repository, Clock clock) {
    this.clock = clock;
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.assignment = assignment;
    this.routing = routing;
    this.slas = slas;
    this.access = access;
    this.teams = teams;
    this.repository = repository;
  }

  /** An open lead of a rep: its id, company, the task it waits in and that task's due date. */
  public record OpenLead(UUID leadId, String company, String task, Date due) {}

  public record Request(List<UUID> leads, String to, String reason) {}

  public record Moved(UUID leadId, String to, String reason) {}

  /** What happened: the leads moved, and those that stayed with the rep because nobody was available. */
  public record Result(List<Moved> moved, List<UUID> notMoved) {}

  public List<OpenLead> openLeads(ApiUser user, String team, String rep) {
    access.checkManages(user, team);
    return byLead(rep).entrySet().stream().map(entry -> {
      Task task = entry.getValue().get(0);
      Object company = tasks.getVariableLocal(task.getId(), "companyName");
      return new OpenLead(entry.getKey(), company == null ? null : company.toString(), task.getName(), task.getDueDate());
    }).toList();
  }

  @Transactional
  public Result handOver(ApiUser user, String team, String rep, Request request) {
    access.checkManages(user, team);
    teams.existing(team);
    List<FieldError> errors = new ArrayList<>();
    if (request.reason() == null || request.reason().isBlank()) {
      errors.add(new FieldError("reason", "is required: the routing ledger says why the leads moved"));
    }
    String to = request.to() == null || request.to().isBlank() ? null : request.to().trim();
    if (to != null && (to.equals(rep) || identity.createUserQuery().userId(to).memberOfGroup(team).count() == 0)) {
      errors.add(new FieldError("to", to.equals(rep) ? "is the rep whose leads are handed over" : "is not a rep of " + team + ": '" + to + "'"));
    } else if (to != null && !repository.rep(to).active()) {
      errors.add(new FieldError("to", "is inactive: '" + to + "'"));
    }
    Map<UUID, List<Task>> open = byLead(rep);
    List<UUID> selected = request.leads() == null || request.leads().isEmpty() ? List.copyOf(open.keySet()) : request.leads();
    for (UUID lead : selected) {
      if (!open.containsKey(lead)) {
        errors.add(new FieldError("leads", "is not an open lead of " + rep + ": " + lead));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    List<Moved> moved = new ArrayList<>();
    List<UUID> notMoved = new ArrayList<>();
    String why = "handed over from " + rep + " by " + user.id() + ": " + request.reason().trim();
    for (UUID lead : selected) {
      RepAssignment.Choice choice = to != null ? new RepAssignment.Choice(to, "to the rep the manager named")
          : assignment.rotate(team, rep, "whose leads are handed over");
      if (choice.rep() == null) {
        notMoved.add(lead);
        continue;
      }
      move(lead, open.get(lead), rep, choice.rep());
      String reason = why + " (" + choice.reason() + ")";
      routing.record(new RoutingRepository.LedgerEntry(lead, team, choice.rep(), reason, OffsetDateTime.now(clock)));
      moved.add(new Moved(lead, choice.rep(), reason));
    }
    teams.audit(team, user, "handed over leads of " + rep, moved.size() + " moved" + (notMoved.isEmpty() ? "" : ", " + notMoved.size()
        + " not (no rep available)") + ": " + moved.stream().map(m -> m.leadId() + " to " + m.to()).collect(Collectors.joining(", ")));
    return new Result(moved, notMoved);
  }

  private void move(UUID lead, List<Task> open, String from, String to) {
    for (Task task : open) {
      tasks.setAssignee(task.getId(), to);
    }
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(lead.toString()).active().list()) {
      if (from.equals(runtime.getVariable(instance.getId(), "assignee"))) {
        runtime.setVariable(instance.getId(), "assignee", to);
      }
    }
    slas.handOver(lead, to);
  }

  /** The rep's open tasks of the lead processes, by lead, in the order they fall due. */
  private Map<UUID, List<Task>> byLead(String rep) {
    List<Task> open = tasks.createTaskQuery().taskAssignee(rep).processDefinitionKeyIn(Processes.ALL.toArray(String[]::new))
        .orderByDueDate().asc().list();
    Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> keys = instanceIds.isEmpty() ? Map.of() : runtime.createProcessInstanceQuery()
        .processInstanceIds(instanceIds).list().stream().collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    Map<UUID, List<Task>> byLead = new LinkedHashMap<>();
    for (Task task : open) {
      byLead.computeIfAbsent(UUID.fromString(keys.get(task.getProcessInstanceId())), k -> new ArrayList<>()).add(task);
    }
    return byLead;
  }
}
