package com.leadhandoff.sla;

import com.leadhandoff.lead.DecisionRecord;
import com.leadhandoff.lead.LeadRepository;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The service levels the SlaPolicy decision set for a lead, read from the lead's decision audit (its latest SlaPolicy
 * record, written in the transaction that decided it): the process keeps no copy of them, and a lead routed again
 * (recycled, then an MQL again) runs on what the decision said then.
 */
@Component
class DecidedSla {

  static final String DECISION = "SlaPolicy";

  private final LeadRepository leads;

  DecidedSla(LeadRepository leads) {
    this.leads = leads;
  }

  /** The lead's policy: one read of its latest SlaPolicy record, however many outputs are asked of it. */
  Policy of(UUID leadId) {
    return new Policy(leadId, leads.latestDecision(leadId, DECISION)
        .orElseThrow(() -> new IllegalStateException("Lead " + leadId + " has no SlaPolicy decision")));
  }

  record Policy(UUID leadId, DecisionRecord decided) {

    /** A duration the decision gave, e.g. acceptWithin, checked to be one. */
    Duration duration(String output) {
      String value = output(output);
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalStateException("The SlaPolicy decision gave " + output + " = '" + value + "', not an ISO 8601 duration like PT4H", e);
      }
    }

    /** Who handles a lead whose SLA was missed twice (a group). */
    String escalateTo() {
      return output("escalateTo");
    }

    private String output(String output) {
      String value = decided.output(output);
      if (value == null) {
        throw new IllegalStateException("The SlaPolicy decision (version " + decided.decisionVersion() + ") gave lead " + leadId + " no " + output);
      }
      return value;
    }
  }
}
