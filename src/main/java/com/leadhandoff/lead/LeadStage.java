package com.leadhandoff.lead;

/** The stages of a lead's life; a lead's status is the last stage it reached. */
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
  SLA_WARNING,
  SLA_BREACHED,
  ESCALATED;

  /** The lead's story has ended: no more engagement can change it. */
  public boolean isClosed() {
    return this == WON || this == LOST || this == DISQUALIFIED || this == EXPIRED;
  }
}
