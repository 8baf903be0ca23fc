package com.leadhandoff.sla;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A missed SLA: which, whose, how late, and whether the lead is still waiting. */
public record SlaBreach(UUID leadId, Sla sla, String team, String assignee, OffsetDateTime dueAt, OffsetDateTime breachedAt,
    int minutesLate, boolean open) {}
