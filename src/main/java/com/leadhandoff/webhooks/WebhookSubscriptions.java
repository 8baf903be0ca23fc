package com.leadhandoff.webhooks;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook subscriptions table. A deleted subscription stays, inactive, so that its delivery log can still be read. */
@Repository
public class WebhookSubscriptions {

  /** A subscription; {@code secret} is only ever shown in the answer that created it. */
  public record Subscription(UUID id, String url, List<String> eventTypes, String secret, String description, boolean active,
      String createdBy, OffsetDateTime createdAt) {}

  private final JdbcClient jdbc;

  /** The engine's clock (operations.EngineClock). */
  private final Clock time;

  public WebhookSubscriptions(JdbcClient jdbc, Clock time) {
    this.time = time;
    this.jdbc = jdbc;
  }

  Subscription create(String url, List<String> eventTypes, String secret, String description, String createdBy) {
    Subscription subscription = new Subscription(UUID.randomUUID(), url, List.copyOf(eventTypes), secret, description, true, createdBy,
        OffsetDateTime.now(time));
    jdbc.sql("""
        insert into webhook_subscriptions (id, url, event_types, secret, description, active, created_by, created_at)
        values (:id, :url, :types, :secret, :description, true, :by, :at)""")
        .param("id", subscription.id()).param("url", url).param("types", String.join(" ", eventTypes)).param("secret", secret)
        .param("description", description).param("by", createdBy).param("at", subscription.createdAt()).update();
    return subscription;
  }

  public Optional<Subscription> find(UUID id) {
    return jdbc.sql("select * from webhook_subscriptions where id = :id").param("id", id).query(WebhookSubscriptions::row).optional();
  }

  List<Subscription> all() {
    return jdbc.sql("select * from webhook_subscriptions order by created_at, id").query(WebhookSubscriptions::row).list();
  }

  /** The active subscriptions to an event type. */
  List<Subscription> wanting(String eventType) {
    return jdbc.sql("select * from webhook_subscriptions where active order by created_at, id").query(WebhookSubscriptions::row).stream()
        .filter(subscription -> subscription.eventTypes().contains(eventType)).toList();
  }

  boolean deactivate(UUID id) {
    return jdbc.sql("update webhook_subscriptions set active = false where id = :id and active").param("id", id).update() == 1;
  }

  private static Subscription row(ResultSet rs, int n) throws SQLException {
    return new Subscription(rs.getObject("id", UUID.class), rs.getString("url"), Arrays.asList(rs.getString("event_types").split(" ")),
        rs.getString("secret"), rs.getString("description"), rs.getBoolean("active"), rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
