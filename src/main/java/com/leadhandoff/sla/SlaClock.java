package com.leadhandoff.sla;

import com.leadhandoff.lead.LeadJournal;
import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.teams.SalesTeams;
import com.leadhandoff.teams.WorkingTime;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The SLA clocks of the lifecycle process ({@code ${slaClock.start(execution, 'ACCEPT')}} and so on). The
 * durations come from the SlaPolicy decision; this class only counts them in the team's business time (the rep's own
 * hours and zone where they have them),
 * keeps how it counted, reminds the rep at the warning, and records a breach when the SLA is missed.
 */
@Component("slaClock")
public class SlaClock {

  private final SalesTeams teams;
  private final SlaRepository slas;
  private final DecidedSla decided;
  private final LeadJournal journal;
  private final TaskService tasks;
  private final HistoryService history;
  private final Clock clock;
  private final String historicTasks;

  public SlaClock(SalesTeams teams, SlaRepository slas, DecidedSla decided, LeadJournal journal, TaskService tasks, HistoryService history,
      ManagementService management, Clock clock) {
    this.decided = decided;
    this.clock = clock;
    this.teams = teams;
    this.slas = slas;
    this.journal = journal;
    this.tasks = tasks;
    this.history = history;
    this.historicTasks = management.getTableName(HistoricTaskInstance.class);
  }

  /**
   * Starts the SLA now: counts its due and warning dates and records the clock. The timers and the task read the
   * dates from the clock ({@link #due}, {@link #warnAt}); the process keeps no copy of them.
   */
  public void start(DelegateExecution execution, String slaName) {
    Sla sla = Sla.valueOf(slaName);
    String team = (String) execution.getVariable("team");
    String assignee = (String) execution.getVariable("assignee");
    WorkingTime time = teams.workingTime(team, assignee);
    OffsetDateTime now = OffsetDateTime.now(clock);
    DecidedSla.Policy policy = decided.of(leadId(execution));
    Duration within = policy.duration(sla.withinOutput());
    Duration warningAfter = policy.duration(sla.warningAfterOutput());
    BusinessCalendar.Due due = BusinessCalendar.add(time, now.toInstant(), within);
    BusinessCalendar.Due warn = BusinessCalendar.add(time, now.toInstant(), warningAfter);
    if (warn.at().isAfter(due.at())) {
      throw new IllegalStateException("The SlaPolicy decision warns after the " + sla + " SLA is due: " + warningAfter + " > " + within);
    }
    OffsetDateTime warnAt = warn.at().atOffset(ZoneOffset.UTC);
    OffsetDateTime dueAt = due.at().atOffset(ZoneOffset.UTC);
    long id = slas.startClock(leadId(execution), sla, team, assignee, now, warnAt, dueAt, due.explanation());
    // the task and its timers, created in this transaction, read it without going back to the database
    SlaClockRecord started = new SlaClockRecord(id, leadId(execution), sla, team, assignee, now, warnAt, dueAt, due.explanation(),
        null, null, null, null, null);
    execution.setVariable(sla.startedClockVariable(), Variables.untypedValue(started, true));
  }

  /** The SLA's due date: the breach timer's and the task's ({@code ${slaClock.due(execution, 'ACCEPT')}}). */
  public Date due(DelegateExecution execution, String slaName) {
    return Date.from(latest(execution, Sla.valueOf(slaName)).dueAt().toInstant());
  }

  /** The SLA's warning date: the warning timer's and the task's follow-up date. */
  public Date warnAt(DelegateExecution execution, String slaName) {
    return Date.from(latest(execution, Sla.valueOf(slaName)).warnAt().toInstant());
  }

  /** The warning: a reminder on the rep's task (Tasklist shows it), kept on the clock, and an SLA_WARNING event. */
  public void remind(DelegateExecution execution, String slaName) {
    Sla sla = Sla.valueOf(slaName);
    SlaClockRecord clock = latest(execution, sla);
    String message = "Reminder: the " + sla + " SLA is due " + clock.dueAt() + ". " + clock.explanation();
    Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(sla.task()).singleResult();
    if (task != null) {
      tasks.createComment(task.getId(), execution.getProcessInstanceId(), message);
    }
    slas.warned(clock.id(), OffsetDateTime.now(this.clock));
    journal.reached(clock.leadId(), LeadStage.SLA_WARNING, task == null ? null : task.getAssignee(), sla + " due " + clock.dueAt());
  }

  /** The breach: recorded once per clock with whose it was and how late, and counted for escalation. */
  public void breached(DelegateExecution execution, String slaName) {
    Sla sla = Sla.valueOf(slaName);
    SlaClockRecord clock = latest(execution, sla);
    OffsetDateTime now = OffsetDateTime.now(this.clock);
    String assignee = lastAssignee(execution.getProcessInstanceId(), sla.task(), clock.assignee());
    int minutesLate = (int) Math.max(0, Duration.between(clock.dueAt(), now).toMinutes());
    slas.recordBreach(clock, assignee, now, minutesLate);
    slas.stopped(clock.id(), now, "breached"); // the task's delete listener did, unless the instance runs an older model
    Object breaches = execution.getVariable(sla.breachesVariable());
    execution.setVariable(sla.breachesVariable(), breaches == null ? 1 : ((Number) breaches).intValue() + 1);
    journal.reached(clock.leadId(), LeadStage.SLA_BREACHED, assignee,
        sla + " SLA missed by " + minutesLate + " min (team " + clock.team() + ", rep " + (assignee == null ? "none" : assignee) + ")");
  }

  /** The SLA's task is answered (a rejection answers it too): the clock stops and its breaches are no longer open. */
  public void met(DelegateExecution execution, String slaName) {
    slas.met(leadId(execution), Sla.valueOf(slaName), OffsetDateTime.now(clock));
  }

  /**
   * The SLA's task ended unanswered (its {@code delete} listener): the clock stops. At or after the due date that is
   * the breach timer taking the task from the rep; before it, the lead left the step otherwise (its process was
   * cancelled, e.g. in Cockpit, with the reason given there).
   */
  public void stopped(DelegateTask task, String slaName) {
    SlaClockRecord running = latest(task.getExecution(), Sla.valueOf(slaName));
    OffsetDateTime now = OffsetDateTime.now(clock);
    slas.stopped(running.id(), now, now.isBefore(running.dueAt()) ? "left the step: " + task.getDeleteReason() : "breached");
  }

  /** Who handles the lead once its SLA was missed twice: the SlaPolicy decision's {@code escalateTo}. */
  public String escalateTo(DelegateExecution execution) {
    return decided.of(leadId(execution)).escalateTo();
  }

  /** An escalated lead's task is due when the SlaPolicy decision says a manager handles it ({@code escalationWithin}). */
  public void escalationDue(DelegateTask task) {
    task.setDueDate(inBusinessTime(task, decided.of(leadId(task.getExecution())).duration("escalationWithin")));
  }

  /** The task's follow-up date (Tasklist's reminder) after the given business time, e.g. to qualify a lead again. */
  public void followUpIn(DelegateTask task, String businessTime) {
    task.setFollowUpDate(inBusinessTime(task, Duration.parse(businessTime)));
  }

  private Date inBusinessTime(DelegateTask task, Duration businessTime) {
    WorkingTime time = teams.workingTime((String) task.getVariable("team"));
    return Date.from(BusinessCalendar.add(time, clock.instant(), businessTime).at());
  }

  /**
   * Who held the SLA's task when it lapsed (it may have been reassigned since the clock started). A native query:
   * the historic task query builds its large dynamic SQL for every call, which was 14 % of a breach's CPU time
   * when thousands of SLAs fell due at once (bench/run sla-drain).
   */
  private String lastAssignee(String processInstanceId, String taskKey, String fallback) {
    return history.createNativeHistoricTaskInstanceQuery()
        .sql("select * from " + historicTasks + " where PROC_INST_ID_ = #{processInstanceId} and TASK_DEF_KEY_ = #{taskKey}"
            + " order by START_TIME_ desc")
        .parameter("processInstanceId", processInstanceId).parameter("taskKey", taskKey).listPage(0, 1).stream()
        .map(HistoricTaskInstance::getAssignee).filter(a -> a != null).findFirst().orElse(fallback);
  }

  /** How the SLA that times this task counted its due date, for the task's form; null for a task no SLA times. */
  public String dueExplained(DelegateTask task) {
    return Sla.timing(task.getTaskDefinitionKey()).map(sla -> latest(task.getExecution(), sla).explanation()).orElse(null);
  }

  /** The lead's latest clock of the SLA: the one started in this transaction, else the database's. */
  private SlaClockRecord latest(DelegateExecution execution, Sla sla) {
    if (execution.getVariable(sla.startedClockVariable()) instanceof SlaClockRecord started) {
      return started;
    }
    return slas.latestClock(leadId(execution), sla)
        .orElseThrow(() -> new IllegalStateException("Lead " + execution.getProcessBusinessKey() + " has no " + sla + " SLA clock"));
  }

  private static UUID leadId(DelegateExecution execution) {
    return UUID.fromString(execution.getProcessBusinessKey());
  }
}
