package com.leadhandoff.qualification;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Reads the SqlDefinition decision for the sales follow-up ({@code ${salesQualification.outcome(decisionResult)}}):
 * an SQL when no criterion is open; handed back only on a real "no" (a criterion NOT_MET); otherwise the rep keeps
 * the lead and qualifies again later (criteria NOT_KNOWN_YET). Which answer is which is the decision's to say.
 */
@Component("salesQualification")
public class SalesQualification {

  static final String NOT_MET = "NOT_MET";

  /** SQL, NOT_SQL or NOT_KNOWN_YET. */
  public String outcome(DmnDecisionResult result) {
    List<Object> verdicts = result.collectEntries("verdict");
    return verdicts.isEmpty() ? "SQL" : verdicts.contains(NOT_MET) ? "NOT_SQL" : "NOT_KNOWN_YET";
  }

  /** The rejection reason the decision gives for the first criterion that is not met (null when none is). */
  public String handBackReason(DmnDecisionResult result) {
    return result.getResultList().stream().filter(row -> NOT_MET.equals(row.get("verdict")))
        .map(row -> (String) row.get("handBackReason")).filter(Objects::nonNull).findFirst().orElse(null);
  }

  /**
   * Not sales-qualified: the lead goes back through the rejection decision with the rep's reason, or the decision's
   * when the rep gave none, and marketing reads which criteria were not met.
   */
  public void handBack(DelegateExecution execution) {
    Object repReason = execution.getVariable("rejectionReason");
    if (repReason == null) {
      execution.setVariable("rejectionReason", execution.getVariable("handBackReason"));
      execution.setVariable("rejectionReasonLabel", "not sales-qualified: " + gaps(execution));
    } else {
      execution.setVariable("rejectionReasonLabel", execution.getVariable("rejectionReasonLabel") + " (not sales-qualified: "
          + gaps(execution) + ")");
    }
    execution.setVariable("rejectedBy", execution.getVariable("assignee"));
    execution.setVariable("rejectionComment", execution.getVariable("prospectSaid"));
  }

  private static String gaps(DelegateExecution execution) {
    return String.valueOf(execution.getVariable("sqlGaps")).replaceAll("^\\[|\\]$", "");
  }
}
