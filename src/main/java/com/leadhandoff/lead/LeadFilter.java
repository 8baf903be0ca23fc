package com.leadhandoff.lead;

/**
 * What GET /api/leads filters on, each criterion ANDed; null is not filtered on. The SLA criteria ask whether the
 * lead's journal has such an event at all (true) or none (false), whatever its status now.
 */
public record LeadFilter(LeadStage status, String source, String campaign, String team, Boolean slaWarned, Boolean slaBreached,
    Boolean escalated) {}
