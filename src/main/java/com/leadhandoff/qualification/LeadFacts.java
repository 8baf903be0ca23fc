package com.leadhandoff.qualification;

import com.leadhandoff.lead.Lead;
import java.util.HashMap;
import java.util.Map;

/** A lead's facts under the input names the decision tables use; the process starts with these. */
public final class LeadFacts {

  private LeadFacts() {}

  public static Map<String, Object> of(Lead lead) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("leadId", lead.id().toString());
    facts.put("email", lead.email());
    facts.put("title", lead.title());
    facts.put("companyName", lead.companyName());
    facts.put("companySize", lead.companySize());
    facts.put("companyDomain", lead.companyDomain());
    facts.put("industry", lead.industry());
    facts.put("country", lead.country());
    facts.put("source", lead.source());
    facts.put("campaign", lead.campaign());
    facts.put("buyingTimeframe", lead.buyingTimeframe());
    facts.put("firstMeetingExpectation", lead.firstMeetingExpectation());
    // the account the lead matched at capture (null when none): LeadRouting and SlaPolicy decide on its status and owner
    facts.put("accountStatus", lead.accountMatch() == null ? null : lead.accountMatch().status());
    facts.put("accountOwner", lead.accountMatch() == null ? null : lead.accountMatch().owner());
    return facts;
  }

  /** The facts plus what earlier decisions said, for replaying a later decision (what-if). */
  public static Map<String, Object> withQualification(Lead lead) {
    Map<String, Object> facts = of(lead);
    facts.put("fitGrade", lead.fitGrade());
    facts.put("fitScore", lead.fitScore());
    facts.put("engagementScore", lead.engagementScore());
    facts.put("priority", lead.priority());
    facts.put("queue", lead.queue());
    return facts;
  }
}
