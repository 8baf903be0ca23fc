package com.leadhandoff.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.leadhandoff.Jobs;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.lead.Activity;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What happens after a rep rejects a lead with a structured reason, as the RejectionHandling decision says. */
class RejectionScenarioTest extends LeadScenario {


  @BeforeEach
  void startOfDecember() {
    clockAt("2026-12-01T09:00:00Z");
  }

  private Lead mqlLead() {
    return TestLeads.gradeA(capture, "rejected-" + UUID.randomUUID() + "@acme.example", "webinar", "q4", "demo-request");
  }

  private Task openTask(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private void reject(ProcessInstance instance, String reason) {
    engine.getTaskService().complete(openTask(instance).getId(),
        Map.of("decision", "reject", "rejectionReason", reason, "other".equals(reason) ? "rejectionOther" : "rejectionComment",
            "said on the call: " + reason));
    Jobs.runDue(engine, instance.getId());
  }

  /** Lets the given time pass and runs what fell due. */
  private void wait(ProcessInstance instance, Duration duration) {
    Jobs.travelTo(engine, instance.getId(), Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  /** The lead does something and the integration tells the process. */
  private void engages(Lead lead, String type, Instant occurredAt) {
    leads.addActivity(lead.id(), new Activity(type, occurredAt.atOffset(java.time.ZoneOffset.UTC), null, OffsetDateTime.now(clock)));
    engine.getRuntimeService().createMessageCorrelation("LeadEngaged").processInstanceBusinessKey(lead.id().toString()).correlate();
    Jobs.runDueForLead(engine, lead.id());
  }

  @Test
  void rejectedForTimingIsRecycledAfter90DaysAndBecomesMqlAgainOnlyOnNewEngagement() {
    Lead lead = mqlLead();
    ProcessInstance instance = instanceOf(lead);
    reject(instance, "timing");
    assertThat(instance).isWaitingAt("Event_CoolDown");
    assertThat(BpmnAwareTests.runtimeService().getVariable(instance.getId(), "reEntryDelay")).isEqualTo("P90D");

    wait(instance, Duration.ofDays(89));
    assertThat(instance).isWaitingAt("Event_CoolDown");
    wait(instance, Duration.ofDays(1));
    assertThat(instance).isWaitingAt("Gateway_NurtureEvents");
    assertThat(BpmnAwareTests.runtimeService().getVariable(instance.getId(), "recycleCount")).isEqualTo(1);

    engages(lead, "demo-request", ClockUtil.getCurrentTime().toInstant());
    assertThat(instance).isWaitingAt("Task_AcceptLead");
    assertThat(stages(lead)).containsSubsequence(LeadStage.MQL, LeadStage.ROUTED, LeadStage.REJECTED, LeadStage.RECYCLED,
        LeadStage.NURTURING, LeadStage.MQL, LeadStage.ROUTED);
    assertThat(leads.stages(lead.id()).stream().filter(s -> s.stage() == LeadStage.REJECTED).findFirst().orElseThrow().detail())
        .isEqualTo("reason timing: said on the call: timing");
  }

  @Test
  void aRecycledLeadWhoseOnlyNewsIsOlderThanTheRejectionKeepsNurturing() {
    Lead lead = mqlLead();
    ProcessInstance instance = instanceOf(lead);
    Instant beforeRejection = ClockUtil.getCurrentTime().toInstant();
    reject(instance, "no-need");
    wait(instance, Duration.ofDays(60));

    engages(lead, "demo-request", beforeRejection); // a late import of something it did before the rejection
    assertThat(instance).isWaitingAt("Gateway_NurtureEvents");
    assertThat(leads.find(lead.id()).orElseThrow().progress().mqlReason()).isEqualTo("recycled: waits for new engagement since the rejection");
  }

  @Test
  void aLeadRejectedAfterThreeRecyclesIsDisqualifiedInsteadOfLooping() {
    Lead lead = mqlLead();
    ProcessInstance instance = instanceOf(lead);
    for (int recycle = 1; recycle <= 3; recycle++) {
      reject(instance, "timing");
      wait(instance, Duration.ofDays(90));
      engages(lead, "demo-request", ClockUtil.getCurrentTime().toInstant());
      assertThat(instance).as("back with sales after recycle " + recycle).isWaitingAt("Task_AcceptLead");
    }
    reject(instance, "timing");

    assertThat(instance).isEnded();
    assertThat(BpmnAwareTests.historyService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_DisqualifiedAfterRejection");
    assertThat(stages(lead).stream().filter(s -> s == LeadStage.RECYCLED).count()).isEqualTo(3);
    assertThat(leads.find(lead.id()).orElseThrow().progress().recycleCount()).as("looping is visible on the lead").isEqualTo(3);
    assertThat(stages(lead)).endsWith(LeadStage.REJECTED, LeadStage.DISQUALIFIED);
  }

  @Test
  void competitorOrSpamIsDisqualifiedAtOnce() {
    Lead lead = mqlLead();
    ProcessInstance instance = instanceOf(lead);
    reject(instance, "competitor-or-spam");
    assertThat(instance).isEnded();
    assertThat(stages(lead)).endsWith(LeadStage.REJECTED, LeadStage.DISQUALIFIED);
  }

  @Test
  void tooSmallGoesToMarketingWhichMayCloseTheLead() {
    Lead lead = mqlLead();
    ProcessInstance instance = instanceOf(lead);
    reject(instance, "too-small");
    assertThat(instance).isWaitingAt("Task_ReviewRejection");
    assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("marketing");
    assertThat(engine.getTaskService().getIdentityLinksForTask(openTask(instance).getId())).hasSize(1);

    engine.getTaskService().complete(openTask(instance).getId(), Map.of("reviewVerdict", "agree", "reviewDecision", "DISQUALIFY"));
    Jobs.runDue(engine, instance.getId());
    assertThat(instance).isEnded();
    assertThat(stages(lead)).endsWith(LeadStage.REJECTED, LeadStage.DISQUALIFIED);
  }

  @Test
  void anUnclearReasonIsReviewedTogetherAndAKeptLeadIsRecycledAfter30Days() {
    Lead lead = mqlLead();
    ProcessInstance instance = instanceOf(lead);
    reject(instance, "other");
    assertThat(instance).isWaitingAt("Task_ReviewRejection");
    assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("marketing");
    assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("sales-managers");

    engine.getTaskService().complete(openTask(instance).getId(), Map.of("reviewVerdict", "dispute", "reviewDecision", "NURTURE", "reviewComment", "they asked for a demo last week"));
    Jobs.runDue(engine, instance.getId());
    assertThat(instance).isWaitingAt("Event_CoolDown");
    wait(instance, Duration.ofDays(30));
    assertThat(instance).isWaitingAt("Gateway_NurtureEvents");
    assertThat(stages(lead)).endsWith(LeadStage.REJECTED, LeadStage.RECYCLED, LeadStage.NURTURING);
  }
}
