package com.leadhandoff.qualification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a candidate decision table would change, replayed over real leads: how many leads' outcomes change (the
 * outcome outputs of the decision's contract, e.g. {@code mqlOutcome}) and, apart, how many only get another text
 * (e.g. {@code mqlReason}); how the first outcome output's values shift (e.g. MQL volume), which sources and campaigns
 * move, and how the leads whose outcome would change have actually converted so far. Leads the candidate cannot
 * decide, or decides outside its contract, are listed as failed.
 */
public record WhatIfReport(
    String decisionKey,
    int deployedVersion,
    int leadsReplayed,
    int leadsChanged,
    int textOnlyChanged,
    String output,
    List<OutcomeShift> outcomes,
    Map<String, Integer> changedBySource,
    Map<String, Integer> changedByCampaign,
    Map<String, Integer> changedLeadsByStatus,
    List<ChangedLead> changedLeads,
    List<ChangedLead> textOnlyChangedLeads,
    List<FailedLead> failedLeads) {

  /** One value of the first outcome output: how many leads get it now and with the candidate. */
  public record OutcomeShift(String value, int deployed, int candidate, String change) {}

  /** A lead whose outcome would change, and where it stands today. */
  public record ChangedLead(UUID leadId, String source, String campaign, String status,
      List<Map<String, Object>> deployed, List<Map<String, Object>> candidate) {}

  /** A lead the candidate could not decide (an expression failed on its data). */
  public record FailedLead(UUID leadId, String error) {}
}
