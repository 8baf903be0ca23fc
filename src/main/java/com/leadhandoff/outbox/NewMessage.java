package com.leadhandoff.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A message to write to the outbox. {@code orderingKey}: messages with the same key go out in the order they were
 * written (a webhook subscription's events about one lead); {@code dedupeKey}: written once however often it is asked
 * for (a daily digest); {@code notBefore}: not delivered earlier (a warning outside the recipient's working time).
 */
public record NewMessage(String channel, String recipient, String orderingKey, String eventType, UUID leadId, String subject,
    String body, String html, String dedupeKey, Instant notBefore) {

  public NewMessage {
    if (channel == null || recipient == null || eventType == null || body == null) {
      throw new IllegalArgumentException("An outbox message needs a channel, a recipient, an event type and a body");
    }
  }

  public static NewMessage of(String channel, String recipient, String eventType, UUID leadId, String subject, String body) {
    return new NewMessage(channel, recipient, null, eventType, leadId, subject, body, null, null, null);
  }

  public NewMessage orderedBy(String key) {
    return new NewMessage(channel, recipient, key, eventType, leadId, subject, body, html, dedupeKey, notBefore);
  }

  public NewMessage withHtml(String value) {
    return new NewMessage(channel, recipient, orderingKey, eventType, leadId, subject, body, value, dedupeKey, notBefore);
  }

  public NewMessage once(String key) {
    return new NewMessage(channel, recipient, orderingKey, eventType, leadId, subject, body, html, key, notBefore);
  }

  public NewMessage notBefore(Instant when) {
    return new NewMessage(channel, recipient, orderingKey, eventType, leadId, subject, body, html, dedupeKey, when);
  }
}
