package com.leadhandoff.sla;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One SLA clock of a lead: whose, when it warns and falls due (and how that was counted), when the reminder went out,
 * when it was breached, and how it ended: met (its task answered) or stopped (the lead left the step unanswered, why).
 */
public record SlaClockRecord(long id, UUID leadId, Sla sla, String team, String assignee, OffsetDateTime startedAt,
    OffsetDateTime warnAt, OffsetDateTime dueAt, String explanation, OffsetDateTime warnedAt, OffsetDateTime breachedAt,
    OffsetDateTime metAt, OffsetDateTime stoppedAt, String stopReason) {

  /** Where the clock stands. */
  public enum State { RUNNING, MET_ON_TIME, MET_LATE, BREACHED, STOPPED }

  @JsonProperty
  public State state() {
    if (metAt != null) {
      return metAt.isAfter(dueAt) ? State.MET_LATE : State.MET_ON_TIME;
    }
    if (breachedAt != null) {
      return State.BREACHED;
    }
    return stoppedAt != null ? State.STOPPED : State.RUNNING;
  }
}
