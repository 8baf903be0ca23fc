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
    facts.put("email", lead.contact().email());
    facts.put("title", lead.contact().title());
    facts.put("companyName", lead.company().companyName());
    facts.put("companySize", lead.company().companySize());
    facts.put("companyDomain", lead.company().companyDomain());
    facts.put("industry", lead.company().industry());
    facts.put("country", lead.company().country());
    facts.put("source", lead.attribution().source());
    facts.put("campaign", lead.attribution().campaign());
    facts.put("buyingTimeframe", lead.contact().buyingTimeframe());
    facts.put("firstMeetingExpectation", lead.contact().firstMeetingExpectation());
    // the account the lead matched at capture (null when none): LeadRouting and SlaPolicy decide on its status and owner
    facts.put("accountStatus", lead.accountMatch() == null ? null : lead.accountMatch().status());
    facts.put("accountOwner", lead.accountMatch() == null ? null : lead.accountMatch().owner());
    return facts;
  }

  /** The facts plus what earlier decisions said, for replaying a later decision (what-if). */
  public static Map<String, Object> withQualification(Lead lead) {
    Map<String, Object> facts = of(lead);
    facts.put("fitGrade", lead.progress().fitGrade());
    facts.put("fitScore", lead.progress().fitScore());
    facts.put("engagementScore", lead.progress().engagementScore());
    facts.put("priority", lead.progress().priority());
    facts.put("queue", lead.progress().queue());
    return facts;
  }
}
