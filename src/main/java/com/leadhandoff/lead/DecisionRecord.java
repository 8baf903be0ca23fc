package com.leadhandoff.lead;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A decision taken about a lead: which table in which version, which rules matched, what it said: the outputs with their
 * own types (a COLLECT SUM as {@code {"fitPoints": 90}}, else one object of outputs per matched rule).
 */
public record DecisionRecord(
    String decisionKey,
    int decisionVersion,
    String decisionDefinitionId,
    List<String> matchedRules,
    JsonNode outcome,
    OffsetDateTime evaluatedAt) {

  /** The named output of the (first) matched rule, as text; null when no rule matched or it gave none. */
  public String output(String name) {
    JsonNode value = outcome.path(0).path(name);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }
}
