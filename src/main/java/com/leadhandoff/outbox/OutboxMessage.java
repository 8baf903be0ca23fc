package com.leadhandoff.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A message as stored in the outbox: what to deliver, where, and how far its delivery got. */
public record OutboxMessage(
    UUID id,
    long seq,
    String channel,
    String recipient,
    String orderingKey,
    String eventType,
    UUID leadId,
    String subject,
    String body,
    String html,
    Status status,
    int attempts,
    OffsetDateTime nextAttemptAt,
    OffsetDateTime createdAt,
    OffsetDateTime sentAt,
    String lastError) {

  /** PENDING until delivered (SENT) or out of attempts (DEAD). */
  public enum Status { PENDING, SENT, DEAD }

  /** One delivery attempt as the delivery log shows it. */
  public record Attempt(int attempt, OffsetDateTime attemptedAt, String node, boolean succeeded, Integer statusCode, String error,
      long millis) {}
}
