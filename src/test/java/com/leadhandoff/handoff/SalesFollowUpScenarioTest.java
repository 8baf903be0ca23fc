package com.leadhandoff.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.Jobs;
import com.leadhandoff.LeadScenario;
import static com.leadhandoff.TestLeads.chosen;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.feedback.ContactRepository;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.sla.Sla;
import com.leadhandoff.sla.SlaClockRecord;
import com.leadhandoff.sla.SlaRepository;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** After the rep accepts: first contact within its SLA, qualification against the SQL definition, opportunity, close. */
class SalesFollowUpScenarioTest extends LeadScenario {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Map<String, Object> ALL_SQL_CRITERIA = Map.of("needConfirmed", true, "authority", "economic-buyer",
      "timeframe", "within-3-months", "budgetRange", "10k-50k", "firstMeetingBooked", true, "prospectSaid", "needs it before Q2");

  @Autowired SlaRepository slas;
  @Autowired ContactRepository contacts;
  Lead lead;

  @BeforeEach
  void acceptedHotLead() {
    TestUsers.ensure(engine.getIdentityService(), "follow-rep-1", "sales-emea");
    TestUsers.ensure(engine.getIdentityService(), "follow-rep-2", "sales-emea");
    clockAt(berlin("2026-12-01T10:00"));
    lead = TestLeads.gradeAAtOwnCompany(capture, "follow-" + UUID.randomUUID(), "webinar", "q4", "demo-request");
    complete("Task_AcceptLead", Map.of("decision", "accept"));
  }

  static Date berlin(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant());
  }

  private Task openTask() {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult();
  }

  private void complete(String taskKey, Map<String, Object> variables) {
    Task task = openTask();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    engine.getTaskService().complete(task.getId(), variables);
    Jobs.runDueForLead(engine, lead.id());
  }

  /** What the first-contact form submits. */
  private static Map<String, Object> contact(String channel, String outcome) {
    return Map.of("contactChannel", channel, "contactOutcome", outcome, "contactedAt", ClockUtil.getCurrentTime());
  }

  private List<LeadStage> stages() {
    return stages(lead);
  }

  private HistoricProcessInstance lifecycle() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(lead.id().toString())
        .processDefinitionKey("LeadLifecycle").singleResult();
  }

  @Test
  void contactedQualifiedAndWonWithEveryStageRecorded() {
    Task contact = openTask();
    assertThat(contact.getTaskDefinitionKey()).isEqualTo("Task_LogFirstContact");
    assertThat(contact.getDueDate()).as("hot lead: first contact within 4 business hours").isEqualTo(berlin("2026-12-01T14:00"));
    assertThat(contact.getFollowUpDate()).isEqualTo(berlin("2026-12-01T13:00"));

    ClockUtil.setCurrentTime(berlin("2026-12-01T11:30"));
    complete("Task_LogFirstContact", contact("phone", "reached"));
    complete("Task_QualifyLead", ALL_SQL_CRITERIA);
    complete("Task_WorkOpportunity", Map.of());
    complete("Task_CloseDeal", Map.of("dealOutcome", "WON", "winFactors", chosen("integration", "pain"),
        "questionsHeard", "Does it work with our CRM?"));

    assertThat(lifecycle().getEndActivityId()).isEqualTo("EndEvent_LeadClosed");
    assertThat(stages()).containsSubsequence(LeadStage.CAPTURED, LeadStage.MQL, LeadStage.ROUTED, LeadStage.ACCEPTED,
        LeadStage.CONTACTED, LeadStage.SQL, LeadStage.OPPORTUNITY, LeadStage.WON);
    assertThat(leads.stages(lead.id()).stream().filter(s -> s.stage() == LeadStage.CONTACTED).findFirst().orElseThrow().detail())
        .isEqualTo("phone, reached");
    assertThat(leads.find(lead.id()).orElseThrow().progress().status()).isEqualTo(LeadStage.WON);
    assertThat(leads.stages(lead.id())).as("stage timestamps on the engine's clock")
        .filteredOn(stage -> stage.stage() == LeadStage.ACCEPTED || stage.stage() == LeadStage.CONTACTED || stage.stage() == LeadStage.WON)
        .extracting(stage -> Date.from(stage.occurredAt().toInstant()))
        .containsExactly(berlin("2026-12-01T10:00"), berlin("2026-12-01T11:30"), berlin("2026-12-01T11:30"));
  }

  @Test
  void anOpportunityCanBeLost() {
    complete("Task_LogFirstContact", contact("email", "reached"));
    complete("Task_QualifyLead", ALL_SQL_CRITERIA);
    complete("Task_WorkOpportunity", Map.of());
    complete("Task_CloseDeal", Map.of("dealOutcome", "LOST", "lossReasons", chosen("price")));

    assertThat(lifecycle().getEndActivityId()).isEqualTo("EndEvent_LeadClosed");
    assertThat(stages()).endsWith(LeadStage.OPPORTUNITY, LeadStage.LOST);
  }

  @Test
  void aRealNoHandsTheLeadBackWithTheRepsReason() {
    complete("Task_LogFirstContact", contact("phone", "reached"));
    complete("Task_QualifyLead", Map.of("needConfirmed", true, "authority", "economic-buyer", "timeframe", "no-plan",
        "budgetRange", "10k-50k", "firstMeetingBooked", true, "rejectionReason", "no-need", "prospectSaid", "We built our own"));

    assertThat(engine.getRuntimeService().getVariable(lifecycleInstanceId(), "sqlGaps")).isEqualTo("[no purchase planned within 12 months]");
    assertThat(engine.getRuntimeService().getVariable(lifecycleInstanceId(), "rejectionReason")).isEqualTo("no-need");
    assertThat(engine.getRuntimeService().getVariable(lifecycleInstanceId(), "reEntryDelay")).isEqualTo("P60D");
    assertThat(stages()).endsWith(LeadStage.CONTACTED, LeadStage.REJECTED, LeadStage.RECYCLED);
    assertThat(leads.stages(lead.id()).stream().filter(s -> s.stage() == LeadStage.REJECTED).findFirst().orElseThrow().detail())
        .isEqualTo("reason no-need: We built our own");
  }

  @Test
  void aRealNoWithoutAReasonFromTheRepIsHandedBackWithTheDecisionsReason() {
    complete("Task_LogFirstContact", contact("phone", "reached"));
    complete("Task_QualifyLead", Map.of("needConfirmed", true, "authority", "economic-buyer", "timeframe", "within-3-months",
        "budgetRange", "under-10k", "firstMeetingBooked", true));

    assertThat(engine.getRuntimeService().getVariable(lifecycleInstanceId(), "rejectionReason")).isEqualTo("no-budget");
    assertThat(engine.getRuntimeService().getVariable(lifecycleInstanceId(), "rejectionReasonLabel"))
        .isEqualTo("not sales-qualified: budget below 10k");
    assertThat(engine.getRuntimeService().getVariable(lifecycleInstanceId(), "reEntryDelay")).isEqualTo("P90D");
  }

  @Test
  void notKnownYetKeepsTheLeadWithTheRepWhoQualifiesAgainLaterWithAReminder() {
    complete("Task_LogFirstContact", contact("phone", "reached"));
    String rep = openTask().getAssignee();
    complete("Task_QualifyLead", Map.of("needConfirmed", true, "authority", "unknown", "timeframe", "within-3-months",
        "budgetRange", "unknown", "firstMeetingBooked", false));

    Task again = openTask();
    assertThat(again.getTaskDefinitionKey()).as("not handed back").isEqualTo("Task_QualifyLead");
    assertThat(again.getAssignee()).isEqualTo(rep);
    assertThat(again.getFollowUpDate()).as("reminder after two business days").isEqualTo(berlin("2026-12-03T10:00"));
    assertThat(stages()).doesNotContain(LeadStage.REJECTED).endsWith(LeadStage.CONTACTED);

    complete("Task_QualifyLead", ALL_SQL_CRITERIA);
    assertThat(openTask().getTaskDefinitionKey()).isEqualTo("Task_WorkOpportunity");
    assertThat(stages()).endsWith(LeadStage.SQL, LeadStage.OPPORTUNITY);
  }

  @Test
  void anAttemptIsKeptWithItsTimeAndTheFirstContactSlaKeepsRunningUntilAConversation() {
    Date due = openTask().getDueDate();
    ClockUtil.setCurrentTime(berlin("2026-12-01T10:30"));
    complete("Task_LogFirstContact", contact("phone", "no-answer"));

    Task next = openTask();
    assertThat(next.getTaskDefinitionKey()).as("another attempt is possible").isEqualTo("Task_LogFirstContact");
    assertThat(next.getDueDate()).as("the same SLA, still running").isEqualTo(due);
    assertThat(slas.clocks(lead.id())).filteredOn(c -> c.sla() == Sla.FIRST_CONTACT).singleElement()
        .satisfies(clock -> {
          assertThat(clock.metAt()).isNull();
          assertThat(clock.state()).as("an attempt neither meets nor stops it").isEqualTo(SlaClockRecord.State.RUNNING);
        });
    assertThat(stages()).doesNotContain(LeadStage.CONTACTED);

    ClockUtil.setCurrentTime(berlin("2026-12-01T11:15"));
    complete("Task_LogFirstContact", contact("phone", "reached"));
    assertThat(openTask().getTaskDefinitionKey()).isEqualTo("Task_QualifyLead");
    assertThat(contacts.of(lead.id())).extracting(c -> c.outcome() + "@" + c.contactedAt().toInstant() + "=" + c.conversation())
        .containsExactly("no-answer@" + berlin("2026-12-01T10:30").toInstant() + "=false",
            "reached@" + berlin("2026-12-01T11:15").toInstant() + "=true");
    assertThat(slas.clocks(lead.id())).filteredOn(c -> c.sla() == Sla.FIRST_CONTACT).singleElement()
        .satisfies(clock -> {
          assertThat(clock.metAt().toInstant()).isEqualTo(berlin("2026-12-01T11:15").toInstant());
          assertThat(clock.state()).isEqualTo(SlaClockRecord.State.MET_ON_TIME);
        });
  }

  @Test
  void aMissedFirstContactIsRecordedAndTheLeadGoesToTheNextRep() {
    String firstRep = openTask().getAssignee();
    Jobs.travelTo(engine, childInstanceId(), berlin("2026-12-01T14:01"));

    assertThat(slas.breaches(lead.id())).singleElement().satisfies(breach -> {
      assertThat(breach.sla()).isEqualTo(Sla.FIRST_CONTACT);
      assertThat(breach.assignee()).isEqualTo(firstRep);
    });
    Task rerouted = openTask();
    assertThat(rerouted.getTaskDefinitionKey()).isEqualTo("Task_LogFirstContact");
    assertThat(rerouted.getAssignee()).isNotEqualTo(firstRep);
    assertThat(slas.clocks(lead.id())).filteredOn(c -> c.sla() == Sla.FIRST_CONTACT).satisfiesExactly(
        missed -> {
          assertThat(missed.state()).isEqualTo(SlaClockRecord.State.BREACHED);
          assertThat(missed.stopReason()).isEqualTo("breached");
          assertThat(missed.stoppedAt()).isEqualTo(missed.breachedAt());
        },
        next -> assertThat(next.state()).as("the next rep's clock").isEqualTo(SlaClockRecord.State.RUNNING));
  }

  private String lifecycleInstanceId() {
    return lifecycle().getId();
  }

  private String childInstanceId() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(lead.id().toString())
        .processDefinitionKey("SalesFollowUp").singleResult().getId();
  }
}
