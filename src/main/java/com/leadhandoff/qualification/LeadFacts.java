package com.leadhandoff.qualification;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * A lead's facts under the input names the decision tables use, read from the lead's row when a decision needs them.
 *
 * <p>The lead's process carries only what its gateways, tasks and timers need (the lead id, routing, SLA and the
 * reps' answers): the facts and what qualification decided are the lead's row, so the process reads them as
 * transient variables, which live until the process next waits and are never stored, and forgets the decided ones
 * before it waits. A nurtured lead thus holds two variables instead of twenty.
 */
@Component("leadFacts")
public class LeadFacts {

  /** What qualification decides; the journal writes them to the lead's row, so the process need not keep them. */
  private static final List<String> DECIDED = List.of("fitGrade", "fitScore", "engagementScore", "priority", "mqlOutcome",
      "mqlReason", "newEngagementSinceRejection");

  /** The facts {@link #of} gives besides the lead id. */
  private static final List<String> FACTS = List.of("email", "title", "companyName", "companySize", "companyDomain", "industry",
      "country", "source", "campaign", "buyingTimeframe", "firstMeetingExpectation", "accountStatus", "accountOwner");

  private final LeadRepository leads;

  public LeadFacts(LeadRepository leads) {
    this.leads = leads;
  }

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
    Map<String, Object> facts = scored(lead);
    facts.put("queue", lead.progress().queue());
    return facts;
  }

  /** The facts and the lead's scores. */
  private static Map<String, Object> scored(Lead lead) {
    Map<String, Object> facts = of(lead);
    facts.put("fitGrade", lead.progress().fitGrade());
    facts.put("fitScore", lead.progress().fitScore());
    facts.put("engagementScore", lead.progress().engagementScore());
    facts.put("priority", lead.progress().priority());
    return facts;
  }

  /** The variables a lead's process starts with: its id; everything else is read from its row when needed. */
  public static Map<String, Object> start(Lead lead) {
    return Map.of("leadId", lead.id().toString());
  }

  /** Before qualification (and routing): the lead's facts as they are now, for the decisions of this step. */
  public void read(DelegateExecution execution) {
    set(execution, of(lead(execution)));
  }

  /**
   * Before routing a lead qualified earlier (after a joint review, a re-route): the facts and what qualification
   * decided, as the lead's row holds it (the routing and SLA decisions ask its priority).
   */
  public void readDecided(DelegateExecution execution) {
    TypedValue email = execution.getVariableTyped("email");
    if (email != null && email.isTransient()) {
      return; // qualified in this transaction: the facts and what was decided are still here
    }
    Lead lead = lead(execution);
    Map<String, Object> facts = scored(lead);
    facts.put("mqlOutcome", lead.progress().mqlOutcome());
    facts.put("mqlReason", lead.progress().mqlReason());
    // an instance started by an earlier version holds them until it next waits
    facts.keySet().removeIf(name -> DECIDED.contains(name) && execution.hasVariable(name));
    set(execution, facts);
  }

  /** Before the lead waits: what qualification decided is on the lead's row; the process keeps none of it. */
  public void forget(DelegateExecution execution) {
    execution.removeVariables(DECIDED);
    execution.removeVariables(FACTS);
  }

  private Lead lead(DelegateExecution execution) {
    UUID id = UUID.fromString(execution.getProcessBusinessKey());
    return leads.find(id).orElseThrow(() -> new IllegalStateException("No lead " + id));
  }

  /**
   * Sets each fact as a transient variable; a fact an instance started by an earlier version holds as a stored
   * variable is updated as stored (a variable cannot change between the two within a transaction) until
   * {@link #forget} removes it.
   */
  private static void set(DelegateExecution execution, Map<String, Object> facts) {
    facts.forEach((name, value) -> {
      if (name.equals("leadId")) {
        return;
      }
      TypedValue held = execution.getVariableTyped(name);
      execution.setVariable(name, Variables.untypedValue(value, held == null || held.isTransient()));
    });
  }
}
