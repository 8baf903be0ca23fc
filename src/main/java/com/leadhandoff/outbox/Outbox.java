package com.leadhandoff.outbox;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox table: writing a message in the caller's transaction, and what the worker, the delivery logs and the
 * dead-message view read and change. Times are the engine's clock, so tests that travel in time move retries too.
 */
@Repository
public class Outbox {

  private static final String COLUMNS = "id, seq, channel, recipient, ordering_key, event_type, lead_id, subject, body, html, status, "
      + "attempts, next_attempt_at, created_at, sent_at, last_error";

  private final JdbcClient jdbc;

  /** The engine's clock (operations.EngineClock). */
  private final Clock time;

  public Outbox(JdbcClient jdbc, Clock time) {
    this.time = time;
    this.jdbc = jdbc;
  }

  /**
   * Writes the message in the current transaction (the engine step's, or the request's): it is delivered only if that
   * transaction commits. Outside a transaction it is refused, since nothing would take it back if the caller failed.
   */
  public UUID enqueue(NewMessage message) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("An outbox message is written in the transaction of what causes it; there is none");
    }
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(time);
    jdbc.sql("""
        insert into outbox_messages (id, channel, recipient, ordering_key, event_type, lead_id, subject, body, html, dedupe_key,
          status, attempts, next_attempt_at, created_at)
        values (:id, :channel, :recipient, :orderingKey, :eventType, :leadId, :subject, :body, :html, :dedupeKey, 'PENDING', 0, :next, :now)""")
        .param("id", id).param("channel", message.channel()).param("recipient", message.recipient())
        .param("orderingKey", message.orderingKey()).param("eventType", message.eventType()).param("leadId", message.leadId())
        .param("subject", message.subject()).param("body", message.body()).param("html", message.html())
        .param("dedupeKey", message.dedupeKey())
        .param("next", message.notBefore() == null || message.notBefore().isBefore(now.toInstant()) ? now
            : message.notBefore().atOffset(ZoneOffset.UTC))
        .param("now", now).update();
    return id;
  }

  /**
   * Due messages nobody holds: pending, their time come, no live lease, and no earlier message of the same ordering key
   * still pending (it goes first). A dead message does not hold back the ones after it.
   */
  List<UUID> due(OffsetDateTime now, int limit) {
    return jdbc.sql("""
        select o.id from outbox_messages o
        where o.status = 'PENDING' and o.next_attempt_at <= :now and (o.lease_until is null or o.lease_until < :now)
          and (o.ordering_key is null or not exists (select 1 from outbox_messages p
            where p.ordering_key = o.ordering_key and p.seq < o.seq and p.status = 'PENDING'))
        order by o.seq limit :limit""")
        .param("now", now).param("limit", limit).query(UUID.class).list();
  }

  /** Takes the lease on a due message; false when another node took it first. */
  boolean lease(UUID id, String node, OffsetDateTime now, OffsetDateTime until) {
    return jdbc.sql("""
        update outbox_messages set lease_owner = :node, lease_until = :until
        where id = :id and status = 'PENDING' and (lease_until is null or lease_until < :now)""")
        .param("node", node).param("until", until).param("id", id).param("now", now).update() == 1;
  }

  public Optional<OutboxMessage> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from outbox_messages where id = :id").param("id", id).query(Outbox::message).optional();
  }

  /** Delivered: done, unless this node's lease ran out and another node holds the message now (then that node decides). */
  void sent(UUID id, String node, OffsetDateTime now) {
    jdbc.sql("""
        update outbox_messages set status = 'SENT', sent_at = :now, attempts = attempts + 1, lease_owner = null, lease_until = null,
          last_error = null where id = :id and lease_owner = :node""")
        .param("now", now).param("id", id).param("node", node).update();
  }

  /** Not delivered: tried again at {@code next}, or dead when that was the last attempt. */
  void failed(UUID id, String node, String error, boolean dead, OffsetDateTime next) {
    jdbc.sql("""
        update outbox_messages set status = :status, attempts = attempts + 1, next_attempt_at = :next, lease_owner = null,
          lease_until = null, last_error = :error where id = :id and lease_owner = :node""")
        .param("status", dead ? "DEAD" : "PENDING").param("next", next).param("error", truncate(error)).param("id", id)
        .param("node", node).update();
  }

  void attempted(UUID id, int attempt, OffsetDateTime at, String node, boolean succeeded, Integer statusCode, String error, long millis) {
    jdbc.sql("""
        insert into outbox_attempts (message_id, attempt, attempted_at, node, succeeded, status_code, error, millis)
        values (:id, :attempt, :at, :node, :succeeded, :statusCode, :error, :millis)""")
        .param("id", id).param("attempt", attempt).param("at", at).param("node", node).param("succeeded", succeeded)
        .param("statusCode", statusCode).param("error", truncate(error)).param("millis", millis).update();
  }

  /** Sends a dead (or already sent) message again, with the same id, at once and with its attempts counted anew. */
  public boolean sendAgain(UUID id) {
    return jdbc.sql("""
        update outbox_messages set status = 'PENDING', attempts = 0, next_attempt_at = :now, lease_owner = null, lease_until = null
        where id = :id and status in ('DEAD', 'SENT')""")
        .param("now", OffsetDateTime.now(time)).param("id", id).update() == 1;
  }

  /**
   * A lead's personal data is erased: its messages not yet sent are not sent (dead, saying why), and none keeps what it
   * said (the body only says it was erased). Messages written after this in the erasure's transaction (lead.erased) stay.
   */
  @org.springframework.context.event.EventListener
  @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
  public void forget(com.leadhandoff.lead.PersonalDataErased erased) {
    forgetLead(erased.leadId());
  }

  void forgetLead(UUID leadId) {
    jdbc.sql("update outbox_messages set status = 'DEAD', last_error = 'not sent: the lead''s personal data was erased' "
        + "where lead_id = :id and status = 'PENDING'").param("id", leadId).update();
    jdbc.sql("update outbox_messages set subject = null, html = null, body = '{\"erased\": true}' where lead_id = :id")
        .param("id", leadId).update();
  }

  public List<OutboxMessage> withStatus(OutboxMessage.Status status, String channel, int limit) {
    JdbcClient.StatementSpec query = jdbc.sql("select " + COLUMNS + " from outbox_messages where status = :status"
        + (channel == null ? "" : " and channel = :channel") + " order by seq desc limit :limit")
        .param("status", status.name()).param("limit", limit);
    return (channel == null ? query : query.param("channel", channel)).query(Outbox::message).list();
  }

  /** A recipient's messages, newest first: a webhook subscription's delivery log. */
  public List<OutboxMessage> toRecipient(String channel, String recipient, int limit) {
    return jdbc.sql("select " + COLUMNS + " from outbox_messages where channel = :channel and recipient = :recipient"
            + " order by seq desc limit :limit")
        .param("channel", channel).param("recipient", recipient).param("limit", limit).query(Outbox::message).list();
  }

  public List<OutboxMessage.Attempt> attempts(UUID id) {
    return jdbc.sql("select attempt, attempted_at, node, succeeded, status_code, error, millis from outbox_attempts where message_id = :id"
            + " order by id")
        .param("id", id)
        .query((rs, n) -> new OutboxMessage.Attempt(rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
            rs.getBoolean(4), (Integer) rs.getObject(5), rs.getString(6), rs.getLong(7)))
        .list();
  }

  long count(OutboxMessage.Status status) {
    return jdbc.sql("select count(*) from outbox_messages where status = :status").param("status", status.name()).query(Long.class).single();
  }

  /** When the longest-waiting due message fell due (null: none waits). */
  OffsetDateTime oldestDue(OffsetDateTime now) {
    return jdbc.sql("select min(next_attempt_at) from outbox_messages where status = 'PENDING' and next_attempt_at <= :now")
        .param("now", now).query(OffsetDateTime.class).optional().orElse(null);
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
  }

  private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
    return new OutboxMessage(rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getString("channel"), rs.getString("recipient"),
        rs.getString("ordering_key"), rs.getString("event_type"), rs.getObject("lead_id", UUID.class), rs.getString("subject"),
        rs.getString("body"), rs.getString("html"), OutboxMessage.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
        rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("sent_at", OffsetDateTime.class), rs.getString("last_error"));
  }
}
