package com.leadhandoff.sla;

import com.leadhandoff.lead.LeadJournal;
import com.leadhandoff.teams.SalesTeams;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * When a team's working time or days off change, its running SLA clocks follow: each open clock (not met, not
 * breached) is counted again from when it started in the new calendar; where the due or warning date moves, the
 * clock, the process variables, the task's due and follow-up dates and the boundary timers move with it (Camunda's
 * public {@code ManagementService.setJobDuedate}), and the explanation says why it was counted again.
 */
@Component
public class SlaRecalculation {

  private final SlaRepository slas;
  private final SalesTeams teams;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;

  public SlaRecalculation(SlaRepository slas, SalesTeams teams, RuntimeService runtime, TaskService tasks, ManagementService management) {
    this.slas = slas;
    this.teams = teams;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
  }

  /** Counts the team's running clocks again; {@code why} ends the explanation. Returns how many clocks moved. */
  public int follow(String team, String why) {
    int moved = 0;
    for (SlaClockRecord clock : slas.runningClocks(team)) {
      if (recount(clock, why)) {
        moved++;
      }
    }
    return moved;
  }

  private boolean recount(SlaClockRecord clock, String why) {
    Sla sla = clock.sla();
    ProcessInstance instance = instance(clock);
    if (instance == null) {
      return false;
    }
    WorkingTime time = teams.workingTime(clock.team(), clock.assignee());
    BusinessCalendar.Due due = BusinessCalendar.add(time, clock.startedAt().toInstant(), duration(instance, sla.withinVariable()));
    BusinessCalendar.Due warn = BusinessCalendar.add(time, clock.startedAt().toInstant(), duration(instance, sla.warningAfterVariable()));
    if (due.at().equals(clock.dueAt().toInstant()) && warn.at().equals(clock.warnAt().toInstant())) {
      return false;
    }
    String explanation = due.explanation() + "; counted again " + BusinessCalendar.when(LeadJournal.now().toInstant(), time.zone())
        + " (was due " + BusinessCalendar.when(clock.dueAt().toInstant(), time.zone()) + ") because " + why;
    slas.recount(clock.id(), warn.at().atOffset(ZoneOffset.UTC), due.at().atOffset(ZoneOffset.UTC), explanation);
    runtime.setVariable(instance.getId(), sla.dueVariable(), Date.from(due.at()));
    runtime.setVariable(instance.getId(), sla.warnAtVariable(), Date.from(warn.at()));
    runtime.setVariable(instance.getId(), sla.explanationVariable(), explanation);
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

  /** The process instance that runs this clock: the lead's instance of the SLA's process whose clock variable is it. */
  private ProcessInstance instance(SlaClockRecord clock) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(clock.leadId().toString())
        .processDefinitionKey(clock.sla().process()).list().stream()
        .filter(candidate -> {
          Object id = runtime.getVariable(candidate.getId(), clock.sla().clockVariable());
          return id instanceof Number number && number.longValue() == clock.id();
        })
        .findFirst().orElse(null);
  }

  private Duration duration(ProcessInstance instance, String variable) {
    return Duration.parse(String.valueOf(runtime.getVariable(instance.getId(), variable)));
  }
}
