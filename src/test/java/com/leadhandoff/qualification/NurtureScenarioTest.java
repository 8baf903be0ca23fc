package com.leadhandoff.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.leadhandoff.Jobs;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.capture.LeadSubmission;
import com.leadhandoff.lead.Activity;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.lead.StageEvent;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leads marketing keeps: re-checked weekly, expired after 180 days, and grey cases decided together. */
class NurtureScenarioTest extends LeadScenario {


  @BeforeEach
  void startOfDecember() {
    clockAt("2026-12-01T09:00:00Z");
  }

  private void daysLater(ProcessInstance instance, int days) {
    Jobs.travelTo(engine, instance.getId(), Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days))));
  }

  /** Travels to the weekly re-check and runs it; it falls due on the weekday a week later, in the re-check window. */
  private void reCheckAWeekLater(ProcessInstance instance) {
    Date due = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId("Timer_NurtureReEvaluation")
        .singleResult().getDuedate();
    ZonedDateTime at = due.toInstant().atZone(ZoneId.of("Europe/Berlin"));
    assertThat(at.toLocalDate()).as("a week later").isEqualTo(ClockUtil.getCurrentTime().toInstant().atZone(at.getZone()).toLocalDate().plusDays(7));
    assertThat(at.toLocalTime()).as("in the re-check window").isBetween(LocalTime.of(8, 0), LocalTime.of(18, 0));
    Jobs.travelTo(engine, instance.getId(), due);
  }

  private long stagesOf(Lead lead, LeadStage stage) {
    return leads.stages(lead.id()).stream().map(StageEvent::stage).filter(s -> s == stage).count();
  }

  @Test
  void aNurturedLeadsProcessHoldsItsIdAndExpiryOnlyTheLeadsRowHoldsTheRest() {
    Lead lead = TestLeads.gradeA(capture, "slim-" + UUID.randomUUID() + "@acme.example", "webinar", null);
    ProcessInstance instance = instanceOf(lead);
    assertThat(instance).isWaitingAt("Gateway_NurtureEvents");
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsOnlyKeys("leadId", "nurtureExpiresAt");

    reCheckAWeekLater(instance);
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).as("re-checked: still only these")
        .containsOnlyKeys("leadId", "nurtureExpiresAt");
    Lead stored = leads.find(lead.id()).orElseThrow();
    assertThat(stored.progress().fitGrade()).as("what qualification decided is on the lead").isEqualTo("A");
    assertThat(stored.progress().mqlOutcome()).isEqualTo("NURTURE");
  }

  @Test
  void aLeadAtItsAcceptTaskHoldsNoneOfItsFactsInTheProcess() {
    Lead lead = TestLeads.gradeA(capture, "slim-accept-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
    ProcessInstance instance = instanceOf(lead);
    assertThat(instance).isWaitingAt("Task_AcceptLead");
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKeys("email", "title", "companyName",
        "companySize", "industry", "country", "source", "campaign", "fitGrade", "fitScore", "engagementScore", "priority", "mqlOutcome",
        "mqlReason", "acceptDue", "acceptWarnAt", "acceptDueExplained", "acceptClockId")
        .as("the SLA's dates are the clock's (lead_sla_clocks), not the process's").containsKeys("leadId", "team", "assignee");
    assertThat(engine.getTaskService().getVariablesLocal(BpmnAwareTests.task(instance).getId()))
        .as("the task shows the lead's card while it is open").containsEntry("email", lead.contact().email())
        .containsEntry("companyName", "Acme").containsEntry("priority", leads.find(lead.id()).orElseThrow().progress().priority());
  }

  @Test
  void theWeeklyReCheckPicksUpEngagementThatArrivedWithoutAMessage() {
    Lead lead = TestLeads.gradeA(capture, "weekly-" + UUID.randomUUID() + "@acme.example", "webinar", null);
    ProcessInstance instance = instanceOf(lead);
    assertThat(instance).isWaitingAt("Gateway_NurtureEvents");

    reCheckAWeekLater(instance);
    assertThat(instance).as("nothing new: still nurtured").isWaitingAt("Gateway_NurtureEvents");
    assertThat(stagesOf(lead, LeadStage.NURTURING)).as("recorded once, not every week").isEqualTo(1);

    int engagementBefore = leads.find(lead.id()).orElseThrow().progress().engagementScore();
    leads.addActivity(lead.id(), new Activity("demo-request", OffsetDateTime.now(clock), null, OffsetDateTime.now(clock)));
    reCheckAWeekLater(instance);
    assertThat(instance).isWaitingAt("Task_AcceptLead");
    assertThat(stagesOf(lead, LeadStage.MQL)).isEqualTo(1);
    assertThat(leads.find(lead.id()).orElseThrow().progress().engagementScore())
        .as("the decision counted the demo request").isGreaterThan(engagementBefore);
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .as("the counts are counted afresh at each qualification, never stored")
        .doesNotContainKeys("demoRequests30d", "pricingViews30d", "webinarsAttended90d", "contentDownloads90d", "emailClicks30d",
            "daysSinceLastActivity");
  }

  @Test
  void aLeadNurturedFor180DaysWithoutBecomingMqlExpires() {
    Lead lead = TestLeads.gradeA(capture, "expire-" + UUID.randomUUID() + "@acme.example", "webinar", null);
    ProcessInstance instance = instanceOf(lead);

    daysLater(instance, 179);
    assertThat(instance).isWaitingAt("Gateway_NurtureEvents");
    daysLater(instance, 1);

    assertThat(instance).isEnded();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_Expired");
    assertThat(leads.find(lead.id()).orElseThrow().progress().status()).isEqualTo(LeadStage.EXPIRED);
  }

  /** Grade C (25 fit points) but engagement 85: a grey case by the MQL definition. */
  private Lead greyCase() {
    List<LeadSubmission.Activity> done = Arrays.stream(new String[] {"demo-request", "pricing-page-view", "pricing-page-view",
        "pricing-page-view", "webinar-attended"}).map(type -> new LeadSubmission.Activity(type, null, null)).toList();
    return capture.capture(new LeadSubmission(new LeadSubmission.Contact("grey-" + UUID.randomUUID() + "@bigcorp.example", null, null, null, null),
        new LeadSubmission.Company("Bigcorp", 6000, "mining", "JP", null), "event", null, null, null, false, null, null, done), "test");
  }

  @Test
  void aGreyCaseIsDecidedInTheJointReviewAndHandedToSales() {
    Lead lead = greyCase();
    ProcessInstance instance = instanceOf(lead);
    assertThat(lead.progress().fitGrade()).isEqualTo("C");
    assertThat(lead.progress().mqlOutcome()).isEqualTo("JOINT_REVIEW");
    assertThat(instance).isWaitingAt("Task_JointReview");
    assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("marketing").hasCandidateGroup("sales-managers");

    engine.getTaskService().complete(BpmnAwareTests.task(instance).getId(), Map.of("jointDecision", "MQL", "jointRationale", "Big account, very engaged: worth a call"));
    Jobs.runDue(engine, instance.getId());
    assertThat(instance).isWaitingAt("Task_AcceptLead");
    assertThat(stagesOf(lead, LeadStage.MQL)).isEqualTo(1);
  }

  @Test
  void aGreyCaseTheReviewKeepsWithMarketingIsNurtured() {
    Lead lead = greyCase();
    ProcessInstance instance = instanceOf(lead);
    engine.getTaskService().complete(BpmnAwareTests.task(instance).getId(), Map.of("jointDecision", "NURTURE", "jointRationale", "Not our market yet; keep them warm"));
    Jobs.runDue(engine, instance.getId());
    assertThat(instance).isWaitingAt("Gateway_NurtureEvents");
    assertThat(leads.find(lead.id()).orElseThrow().progress().status()).isEqualTo(LeadStage.NURTURING);
  }
}
