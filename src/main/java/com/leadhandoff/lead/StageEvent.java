package com.leadhandoff.lead;

import java.time.OffsetDateTime;

/** One stage a lead reached: when, by whom (a user id, or null for the system) and why. */
public record StageEvent(LeadStage stage, OffsetDateTime occurredAt, String actor, String detail) {}
