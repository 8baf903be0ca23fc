package com.leadhandoff.sla;

import com.leadhandoff.teams.SalesTeams;
import com.leadhandoff.teams.TeamCalendarChanged;
import com.leadhandoff.teams.WorkingTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a team's working time or days off change, its running SLA clocks follow: each open clock (not met, not
 * breached) is counted again from when it started in the new calendar; where the due or warning date moves, the
 * clock, the task's due and follow-up dates and the boundary timers move with it (Camunda's
 * public {@code ManagementService.setJobDuedate}), and the explanation says why it was counted again.
 */
@Component
public class SlaRecalculation {

  private final SlaRepository slas;
  private final DecidedSla decided;
  private final SalesTeams teams;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final Clock clock;

  public SlaRecalculation(SlaRepository slas, DecidedSla decided, SalesTeams teams, RuntimeService runtime, TaskService tasks,
      ManagementService management, Clock clock) {
    this.decided = decided;
    this.clock = clock;
    this.slas = slas;
    this.teams = teams;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
  }

  /** Counts the team's running clocks again, in the changing transaction; the event says why, and gets how many moved. */
  @EventListener
  public void follow(TeamCalendarChanged change) {
    for (SlaClockRecord running : slas.runningClocks(change.team())) {
      if (recount(running, change.why())) {
        change.clocksRecounted().incrementAndGet();
      }
    }
  }

  private boolean recount(SlaClockRecord running, String why) {
    Sla sla = running.sla();
    ProcessInstance instance = instance(running);
    if (instance == null) {
      return false;
    }
    WorkingTime time = teams.workingTime(running.team(), running.assignee());
    DecidedSla.Policy policy = decided.of(running.leadId());
    BusinessCalendar.Due due = BusinessCalendar.add(time, running.startedAt().toInstant(), policy.duration(sla.withinOutput()));
    BusinessCalendar.Due warn = BusinessCalendar.add(time, running.startedAt().toInstant(), policy.duration(sla.warningAfterOutput()));
    if (due.at().equals(running.dueAt().toInstant()) && warn.at().equals(running.warnAt().toInstant())) {
      return false;
    }
    String explanation = due.explanation() + "; counted again " + BusinessCalendar.when(clock.instant(), time.zone())
        + " (was due " + BusinessCalendar.when(running.dueAt().toInstant(), time.zone()) + ") because " + why;
    slas.recount(running.id(), warn.at().atOffset(ZoneOffset.UTC), due.at().atOffset(ZoneOffset.UTC), explanation);
    for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(sla.task()).list()) {
      task.setDueDate(Date.from(due.at()));
      task.setFollowUpDate(Date.from(warn.at()));
      tasks.saveTask(task);
    }
    moveTimer(instance, sla.breachTimer(), Date.from(due.at()));
    moveTimer(instance, sla.warningTimer(), Date.from(warn.at())); // gone once the warning was given
    return true;
  }

  private void moveTimer(ProcessInstance instance, String timer, Date at) {
    List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).activityId(timer).timers().list();
    jobs.forEach(job -> management.setJobDuedate(job.getId(), at));
  }

  /** The process instance that runs this clock: the lead's instance of the SLA's process (a running clock is its latest). */
  private ProcessInstance instance(SlaClockRecord running) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(running.leadId().toString())
        .processDefinitionKey(running.sla().process()).active().list().stream().findFirst().orElse(null);
  }
}
