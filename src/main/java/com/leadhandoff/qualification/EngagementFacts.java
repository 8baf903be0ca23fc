package com.leadhandoff.qualification;

import com.leadhandoff.lead.Activity;
import com.leadhandoff.lead.LeadRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Counts a lead's recent activities into the inputs of the EngagementScore decision: how many demo
 * requests, pricing views and email clicks in the last 30 days, webinars and downloads in the last 90,
 * and the days since the last activity. The points each count earns are the decision's business.
 */
@Component("engagementFacts")
public class EngagementFacts {

  private final LeadRepository leads;
  private final Clock clock;

  public EngagementFacts(LeadRepository leads, Clock clock) {
    this.clock = clock;
    this.leads = leads;
  }

  /**
   * Called by the process before the engagement decision: sets the counts as transient process variables (the
   * decision reads them in the same transaction; they are counted afresh at every qualification and derive from
   * the lead's stored activities, so storing them would only add twelve rows per lead) and, for a lead sales
   * rejected, whether it did anything since (the MQL decision asks).
   */
  public void summarise(DelegateExecution execution) {
    UUID leadId = UUID.fromString(execution.getProcessBusinessKey());
    counts(leadId, OffsetDateTime.now(clock)).forEach((name, count) -> execution.setVariable(name, Variables.untypedValue(count, true)));
    Date rejectedAt = (Date) execution.getVariable("rejectedAt");
    if (rejectedAt != null) {
      execution.setVariable("newEngagementSinceRejection",
          leads.activities(leadId).stream().anyMatch(a -> a.occurredAt().toInstant().isAfter(rejectedAt.toInstant())));
    }
  }

  public Map<String, Object> counts(UUID leadId, OffsetDateTime now) {
    return counts(leads.activities(leadId), now);
  }

  /** The counts from the lead's activities (those after {@code now} do not count yet). */
  public static Map<String, Object> counts(List<Activity> all, OffsetDateTime now) {
    List<Activity> activities = all.stream().filter(a -> !a.occurredAt().isAfter(now)).toList();
    Map<String, Object> counts = new HashMap<>();
    counts.put("demoRequests30d", count(activities, "demo-request", now, 30));
    counts.put("pricingViews30d", count(activities, "pricing-page-view", now, 30));
    counts.put("webinarsAttended90d", count(activities, "webinar-attended", now, 90));
    counts.put("contentDownloads90d", count(activities, "content-download", now, 90));
    counts.put("emailClicks30d", count(activities, "email-click", now, 30));
    counts.put("daysSinceLastActivity", activities.stream()
        .map(Activity::occurredAt)
        .max(OffsetDateTime::compareTo)
        .map(last -> (int) Duration.between(last, now).toDays())
        .orElse(null));
    return counts;
  }

  private static int count(List<Activity> activities, String type, OffsetDateTime now, int days) {
    OffsetDateTime since = now.minusDays(days);
    return (int) activities.stream().filter(a -> a.type().equals(type) && !a.occurredAt().isBefore(since)).count();
  }
}
