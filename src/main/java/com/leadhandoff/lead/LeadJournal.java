package com.leadhandoff.lead;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records that a lead reached a stage: a row in its stage history and, for a lifecycle stage, its new status (an SLA
 * warning, breach or escalation is an event in the history and leaves the status alone). Called by the processes as
 * {@code ${leadJournal.reached(execution, 'MQL')}}; the lead is the process's business key.
 */
@Component("leadJournal")
public class LeadJournal {

  private final LeadRepository leads;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public LeadJournal(LeadRepository leads, ApplicationEventPublisher events, Clock clock) {
    this.clock = clock;
    this.leads = leads;
    this.events = events;
  }

  public void reached(DelegateExecution execution, String stage) {
    reached(leadId(execution), LeadStage.valueOf(stage), null, null);
  }

  /** After the qualification decisions: keep what they said on the lead's record. */
  public void qualified(DelegateExecution execution) {
    leads.updateQualification(leadId(execution), new Qualification(
        number(execution, "fitScore"), (String) execution.getVariable("fitGrade"), number(execution, "engagementScore"),
        (String) execution.getVariable("priority"), (String) execution.getVariable("mqlOutcome"),
        (String) execution.getVariable("mqlReason")));
  }

  private static Integer number(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : ((Number) value).intValue();
  }

  /** After the routing decision: the lead's team and queue, and the ROUTED stage. */
  public void routed(DelegateExecution execution) {
    String team = (String) execution.getVariable("team");
    String queue = (String) execution.getVariable("queue");
    leads.updateRouting(leadId(execution), team, queue);
    reached(leadId(execution), LeadStage.ROUTED, null, "team " + team + ", queue " + queue);
  }

  /** Sales rejected the lead: the stage with the structured reason and the rep's comment, and when it happened. */
  public void rejected(DelegateExecution execution) {
    execution.setVariable("rejectedAt", java.util.Date.from(clock.instant()));
    Object comment = execution.getVariable("rejectionComment");
    reached(leadId(execution), LeadStage.REJECTED, null,
        "reason " + execution.getVariable("rejectionReason") + (comment == null ? "" : ": " + comment));
  }

  /**
   * The lead is (still) nurtured: NURTURING is recorded when it starts, not at every weekly re-check, and the
   * nurture period's end is set when it starts (maxAge, ISO 8601, from the model).
   */
  public void nurturing(DelegateExecution execution, String maxAge) {
    UUID leadId = leadId(execution);
    if (execution.getVariable("nurtureExpiresAt") == null) {
      execution.setVariable("nurtureExpiresAt", java.util.Date.from(OffsetDateTime.now(clock).plus(java.time.Period.parse(maxAge)).toInstant()));
    }
    if (leads.find(leadId).map(lead -> lead.progress().status()).orElse(null) != LeadStage.NURTURING) {
      reached(leadId, LeadStage.NURTURING, null, "until " + execution.getVariable("nurtureExpiresAt") + " at the latest");
    }
  }

  /** Back to marketing: counted, so the rejection decision can stop a lead that keeps looping. */
  public void recycled(DelegateExecution execution) {
    Object count = execution.getVariable("recycleCount");
    int recycles = count == null ? 1 : ((Number) count).intValue() + 1;
    execution.setVariable("recycleCount", recycles);
    leads.updateRecycleCount(leadId(execution), recycles);
    execution.removeVariable("nurtureExpiresAt"); // a new nurture period starts after the cool-down
    reached(leadId(execution), LeadStage.RECYCLED, null,
        "recycle " + recycles + ", re-enters nurture after " + execution.getVariable("reEntryDelay"));
  }

  /** The rep reached (or tried to reach) the lead: the first-contact stage with channel and outcome. */
  public void contacted(DelegateExecution execution) {
    reached(leadId(execution), LeadStage.CONTACTED, (String) execution.getVariable("assignee"),
        execution.getVariable("contactChannel") + ", " + execution.getVariable("contactOutcome"));
  }

  public void reached(UUID leadId, LeadStage stage, String actor, String detail) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    leads.addStage(leadId, new StageEvent(stage, now, actor, detail));
    if (stage.isLifecycle()) {
      leads.updateStatus(leadId, stage, now);
    }
    if (stage.isClosed()) {
      leads.markClosed(leadId); // the contact may come back as a new lead
    }
    events.publishEvent(new LeadStageReached(leadId, stage, now, actor, detail));
  }

  private static UUID leadId(DelegateExecution execution) {
    return UUID.fromString(execution.getProcessBusinessKey());
  }
}
