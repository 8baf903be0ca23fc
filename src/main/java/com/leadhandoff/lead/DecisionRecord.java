package com.leadhandoff.lead;

import java.time.OffsetDateTime;

/** A decision taken about a lead: which table in which version, which rules matched, what it said (JSON). */
public record DecisionRecord(
    String decisionKey,
    int decisionVersion,
    String decisionDefinitionId,
    String matchedRules,
    String outcome,
    OffsetDateTime evaluatedAt) {}
