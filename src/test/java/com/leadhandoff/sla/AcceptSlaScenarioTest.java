package com.leadhandoff.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.leadhandoff.Jobs;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TaskFactsShown;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.handoff.RoutingRepository;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStage;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The accept SLA of a hot lead (1 business hour, warning after 45 minutes) in Sales EMEA, Berlin time,
 * walked through with the engine's clock: warned, breached and re-routed, breached again and escalated.
 */
class AcceptSlaScenarioTest extends LeadScenario {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Autowired SlaRepository slas;
  @Autowired RoutingRepository routing;

  @BeforeEach
  void reps() {
    TestUsers.ensure(engine.getIdentityService(), "sla-rep-1", "sales-emea");
    TestUsers.ensure(engine.getIdentityService(), "sla-rep-2", "sales-emea");
  }

  static Date berlin(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant());
  }

  private Lead hotLeadCapturedAt(String berlinTime) {
    clockAt(berlin(berlinTime));
    return TestLeads.gradeA(capture, "sla-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
  }

  private Task openTask(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private LeadStage status(Lead lead) {
    return leads.find(lead.id()).orElseThrow().progress().status();
  }

  private static Date at(java.time.OffsetDateTime time) {
    return time == null ? null : Date.from(time.toInstant());
  }

  private void travelTo(String berlinTime, ProcessInstance instance) {
    Jobs.travelTo(engine, instance.getId(), berlin(berlinTime));
  }

  @Test
  void theRepIsWarnedThenTheBreachReRoutesThenTheSecondBreachEscalatesToTheManager() {
    Lead lead = hotLeadCapturedAt("2026-12-01T10:00");
    ProcessInstance instance = instanceOf(lead);
    assertThat(instance).isWaitingAt("Task_AcceptLead");
    Task task = openTask(instance);
    assertThat(task.getDueDate()).as("due after 1 business hour").isEqualTo(berlin("2026-12-01T11:00"));
    assertThat(task.getFollowUpDate()).as("warning after 45 minutes").isEqualTo(berlin("2026-12-01T10:45"));
    assertThat(TaskFactsShown.fact(engine, task.getId(), "dueExplained"))
        .as("the rep can read why it is due then")
        .isEqualTo("due Tue 1 Dec 11:00 Berlin time: 1 business hour from Tue 1 Dec 10:00 (working hours 09:00-17:00: 1h on Tue 1 Dec)");
    String firstRep = task.getAssignee();
    assertThat(firstRep).isNotNull();
    assertThat(routing.ledger(lead.id()).get(0).reason()).contains("rotation");

    travelTo("2026-12-01T10:46", instance);
    assertThat(instance).hasPassed("Timer_AcceptSlaWarning").isWaitingAt("Task_AcceptLead");
    assertThat(engine.getTaskService().getTaskComments(task.getId())).singleElement()
        .satisfies(comment -> assertThat(comment.getFullMessage()).startsWith("Reminder: the ACCEPT SLA is due"));
    assertThat(stages(lead)).containsSubsequence(LeadStage.ROUTED, LeadStage.SLA_WARNING);
    assertThat(status(lead)).as("a warning is an event, not a status").isEqualTo(LeadStage.ROUTED);
    assertThat(slas.clocks(lead.id())).singleElement().satisfies(clock -> {
      assertThat(at(clock.warnedAt())).isEqualTo(berlin("2026-12-01T10:46"));
      assertThat(clock.state()).isEqualTo(SlaClockRecord.State.RUNNING);
    });

    travelTo("2026-12-01T11:01", instance);
    assertThat(slas.breaches(lead.id())).singleElement().satisfies(breach -> {
      assertThat(breach.sla()).isEqualTo(Sla.ACCEPT);
      assertThat(breach.assignee()).isEqualTo(firstRep);
      assertThat(breach.team()).isEqualTo("sales-emea");
      assertThat(breach.minutesLate()).isEqualTo(1);
      assertThat(breach.open()).isTrue();
    });
    Task rerouted = openTask(instance);
    assertThat(rerouted.getTaskDefinitionKey()).isEqualTo("Task_AcceptLead");
    assertThat(rerouted.getAssignee()).as("the next rep, not the one who missed it").isNotEqualTo(firstRep);
    assertThat(rerouted.getDueDate()).as("a new hour for the new rep").isEqualTo(berlin("2026-12-01T12:01"));
    assertThat(routing.ledger(lead.id()).get(1).reason()).contains(firstRep + " (just let the SLA lapse on this lead)");
    assertThat(slas.clocks(lead.id())).satisfiesExactly(breached -> {
      assertThat(breached.state()).isEqualTo(SlaClockRecord.State.BREACHED);
      assertThat(at(breached.breachedAt())).isEqualTo(berlin("2026-12-01T11:01"));
      assertThat(at(breached.stoppedAt())).as("the breach took the task from the rep").isEqualTo(berlin("2026-12-01T11:01"));
      assertThat(breached.stopReason()).isEqualTo("breached");
      assertThat(breached.metAt()).isNull();
    }, next -> assertThat(next.state()).isEqualTo(SlaClockRecord.State.RUNNING));
    assertThat(status(lead)).as("a breach is an event, not a status").isEqualTo(LeadStage.ROUTED);

    travelTo("2026-12-01T12:02", instance);
    assertThat(slas.breaches(lead.id())).hasSize(2);
    assertThat(instance).isWaitingAt("Task_EscalateToManager");
    assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("sales-managers");
    assertThat(stages(lead)).containsSubsequence(LeadStage.SLA_BREACHED, LeadStage.SLA_BREACHED, LeadStage.ESCALATED);
    assertThat(status(lead)).as("an escalation is an event, not a status").isEqualTo(LeadStage.ROUTED);
    assertThat(leads.stages(lead.id())).as("stage timestamps on the engine's clock")
        .filteredOn(stage -> stage.stage() == LeadStage.SLA_WARNING || stage.stage() == LeadStage.SLA_BREACHED)
        .extracting(stage -> Date.from(stage.occurredAt().toInstant()))
        .containsExactly(berlin("2026-12-01T10:46"), berlin("2026-12-01T11:01"), berlin("2026-12-01T12:02"), berlin("2026-12-01T12:02"));
    assertThat(slas.breaches(lead.id())).extracting(breach -> Date.from(breach.breachedAt().toInstant()))
        .containsExactly(berlin("2026-12-01T11:01"), berlin("2026-12-01T12:02"));

    engine.getTaskService().complete(openTask(instance).getId(),
        Map.of("managerAction", "reassign", "managerChoice", "sla-rep-2", "managerReason", "Sla-rep-2 knows the account"));
    Jobs.runDue(engine, instance.getId());
    Task afterEscalation = openTask(instance);
    assertThat(afterEscalation.getTaskDefinitionKey()).isEqualTo("Task_AcceptLead");
    assertThat(afterEscalation.getAssignee()).isEqualTo("sla-rep-2");
    assertThat(routing.ledger(lead.id()).get(2).reason()).isEqualTo("chosen by the manager: Sla-rep-2 knows the account");

    engine.getTaskService().complete(afterEscalation.getId(), Map.of("decision", "accept"));
    Jobs.runDue(engine, instance.getId());
    assertThat(instance).isWaitingAt("CallActivity_SalesFollowUp");
    assertThat(slas.breaches(lead.id())).extracting(SlaBreach::open).containsOnly(false);
    assertThat(stages(lead)).endsWith(LeadStage.ACCEPTED);
    assertThat(slas.clocks(lead.id())).filteredOn(clock -> clock.sla() == Sla.ACCEPT)
        .extracting(SlaClockRecord::state).as("each clock ended once: two breached, the manager's rep met it")
        .containsExactly(SlaClockRecord.State.BREACHED, SlaClockRecord.State.BREACHED, SlaClockRecord.State.MET_ON_TIME);
  }

  @Test
  void aRepWhoAnswersAfterTheDueDateMeetsTheSlaLate() {
    Lead lead = hotLeadCapturedAt("2026-12-01T10:00");
    ProcessInstance instance = instanceOf(lead);
    clockAt(berlin("2026-12-01T11:05")); // the breach timer has not run yet: the job executor lags
    engine.getTaskService().complete(openTask(instance).getId(), Map.of("decision", "accept"));
    Jobs.runDue(engine, instance.getId()); // completing the task removed its timers; the answer's continuation runs
    assertThat(slas.clocks(lead.id())).filteredOn(clock -> clock.sla() == Sla.ACCEPT).singleElement().satisfies(clock -> {
      assertThat(at(clock.metAt())).isEqualTo(berlin("2026-12-01T11:05"));
      assertThat(clock.state()).isEqualTo(SlaClockRecord.State.MET_LATE);
      assertThat(clock.stoppedAt()).isNull();
    });
  }

  @Test
  void aLeadWhoseProcessIsCancelledStopsItsClockWithTheReasonAndItStaysStopped() {
    Lead lead = hotLeadCapturedAt("2026-12-01T10:00");
    ProcessInstance instance = instanceOf(lead);
    clockAt(berlin("2026-12-01T10:20"));
    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "duplicate of another lead");
    assertThat(slas.clocks(lead.id())).singleElement().satisfies(clock -> {
      assertThat(at(clock.stoppedAt())).isEqualTo(berlin("2026-12-01T10:20"));
      assertThat(clock.stopReason()).isEqualTo("left the step: duplicate of another lead");
      assertThat(clock.state()).isEqualTo(SlaClockRecord.State.STOPPED);
    });
    assertThat(slas.runningClocks("sales-emea")).extracting(SlaClockRecord::leadId).doesNotContain(lead.id());
  }

  @Test
  void theBreachCountsAgainstTheRepWhoHeldTheTaskWhenItLapsed() {
    Lead lead = hotLeadCapturedAt("2026-12-01T10:00");
    ProcessInstance instance = instanceOf(lead);
    Task task = openTask(instance);
    String holder = "sla-rep-1".equals(task.getAssignee()) ? "sla-rep-2" : "sla-rep-1";
    engine.getTaskService().setAssignee(task.getId(), holder); // a manager hands it over in Tasklist

    travelTo("2026-12-01T11:01", instance);
    assertThat(slas.breaches(lead.id())).singleElement().satisfies(breach -> assertThat(breach.assignee()).isEqualTo(holder));
  }

  @Test
  void aHotLeadCapturedFridayAt1630IsDueMonday0930() {
    ProcessInstance instance = instanceOf(hotLeadCapturedAt("2026-12-04T16:30"));
    Task task = openTask(instance);
    assertThat(task.getDueDate()).isEqualTo(berlin("2026-12-07T09:30"));
    assertThat(task.getFollowUpDate()).isEqualTo(berlin("2026-12-07T09:15"));
  }

  @Test
  void aLeadCapturedOn23December2028InBerlinSkipsChristmasFromTheHolidayLibrary() {
    Lead lead = hotLeadCapturedAt("2028-12-23T16:30"); // a Saturday; Sales EMEA's public holidays are Berlin's (DE-BE)
    assertThat(openTask(instanceOf(lead)).getDueDate()).isEqualTo(berlin("2028-12-27T10:00"));
    assertThat(slas.clocks(lead.id())).singleElement().satisfies(clock -> assertThat(clock.explanation())
        .startsWith("due Wed 27 Dec 10:00 Berlin time: 1 business hour from Sat 23 Dec 16:30")
        .contains("1h on Wed 27 Dec")
        .contains("Sat 23 Dec and Sun 24 Dec skipped (not a working day); Mon 25 Dec skipped (1st Christmas day); "
            + "Tue 26 Dec skipped (2nd Christmas day)"));
  }
}
