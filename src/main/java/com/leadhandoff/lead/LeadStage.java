package com.leadhandoff.lead;

import java.util.Arrays;
import java.util.List;

/**
 * What a lead's journal records. The lifecycle stages say where the lead is, and its status is the last of them it
 * reached; SLA warnings, breaches and escalations are events on the way, in the journal but never a status.
 */
public enum LeadStage {
  CAPTURED,
  NURTURING,
  MQL,
  ROUTED,
  ACCEPTED,
  REJECTED,
  CONTACTED,
  SQL,
  OPPORTUNITY,
  WON,
  LOST,
  RECYCLED,
  DISQUALIFIED,
  EXPIRED,
  SLA_WARNING(false),
  SLA_BREACHED(false),
  ESCALATED(false);

  private final boolean lifecycle;

  LeadStage() {
    this(true);
  }

  LeadStage(boolean lifecycle) {
    this.lifecycle = lifecycle;
  }

  /** A state of the lead's life (a status), not an SLA event. */
  public boolean isLifecycle() {
    return lifecycle;
  }

  /** The stages a lead's status can be. */
  public static List<LeadStage> lifecycle() {
    return Arrays.stream(values()).filter(LeadStage::isLifecycle).toList();
  }

  /** The lead's story has ended: no more engagement can change it. */
  public boolean isClosed() {
    return this == WON || this == LOST || this == DISQUALIFIED || this == EXPIRED;
  }
}
