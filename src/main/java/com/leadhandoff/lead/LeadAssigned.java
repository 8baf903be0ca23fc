package com.leadhandoff.lead;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Published, in the engine's transaction, when the round-robin (or a manager) gives a lead to a rep; why, as the ledger says. */
public record LeadAssigned(UUID leadId, String team, String rep, String reason, OffsetDateTime at) {}
