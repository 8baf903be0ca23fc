package com.leadhandoff.sla;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One SLA clock of a lead: whose, when it warns and falls due, and how that was counted. */
public record SlaClockRecord(long id, UUID leadId, Sla sla, String team, String assignee, OffsetDateTime startedAt,
    OffsetDateTime warnAt, OffsetDateTime dueAt, String explanation, OffsetDateTime metAt) {}
