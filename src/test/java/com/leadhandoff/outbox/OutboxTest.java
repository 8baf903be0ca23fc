package com.leadhandoff.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.Await;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.lead.Lead;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nothing lost, nothing invented: the outbox is written in the transaction of the step that causes the message (the
 * engine and the app share the datasource and the Spring transaction), so a step that rolls back sends nothing; a
 * receiver that is down gets retries with growing waits on the engine's clock and the message once it is back; after the
 * last attempt the message is dead, listed for managers, counted, and sent again on request.
 */
class OutboxTest extends OutboxScenario {

  static final String ADMIN = "test-admin";
  static final String ADMIN_PASSWORD = "test-admin-password";
  static final Duration SECONDS = Duration.ofSeconds(10);

  @LocalServerPort int port;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;
  @Autowired Outbox outbox;

  private String subscribe(String url) {
    ApiClient.Response created = new ApiClient(port).post("/api/webhooks", ADMIN, ADMIN_PASSWORD,
        "{\"url\": \"" + url + "\", \"eventTypes\": [\"lead.captured\"]}");
    assertThat(created.status()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private void unsubscribe(String id) {
    new ApiClient(port).send("DELETE", "/api/webhooks/" + id, ADMIN, ADMIN_PASSWORD, "", Map.of());
  }

  private long messagesAbout(UUID leadId) {
    return jdbc.sql("select count(*) from outbox_messages where lead_id = :lead").param("lead", leadId).query(Long.class).single();
  }

  @Test
  void aStepThatRollsBackSendsNothing() {
    String path = "/rollback/" + UUID.randomUUID();
    String subscription = subscribe(HTTP.url(path));
    try {
      UUID[] rolledBack = new UUID[1];
      transaction.executeWithoutResult(status -> {
        Lead lead = TestLeads.gradeAAtOwnCompany(capture, "rolled-back", "webinar", null, "demo-request");
        rolledBack[0] = lead.id();
        assertThat(messagesAbout(lead.id())).as("webhook and assignment email, in the capture's transaction").isEqualTo(2);
        status.setRollbackOnly();
      });
      assertThat(leads.find(rolledBack[0])).as("the capture rolled back").isEmpty();
      assertThat(messagesAbout(rolledBack[0])).isZero();

      Lead committed = TestLeads.gradeAAtOwnCompany(capture, "committed", "webinar", null, "demo-request");
      Await.until("the committed lead's event", SECONDS, () -> !HTTP.received(path).isEmpty());
      assertThat(HTTP.received(path)).singleElement().satisfies(request -> {
        assertThat(request.body()).contains(committed.id().toString()).doesNotContain(rolledBack[0].toString());
      });
      assertThat(mailTo("notify-rep-1@reps.example").stream().map(OutboxScenario::text)).noneMatch(t -> t.contains("rolled-back"));
      assertThat(mailTo("notify-rep-2@reps.example").stream().map(OutboxScenario::text)).noneMatch(t -> t.contains("rolled-back"));
    } finally {
      unsubscribe(subscription);
    }
  }

  @Test
  void aReceiverThatIsDownGetsRetriesWithGrowingWaitsAndTheMessageOnceItIsBack() {
    Receiver crm = Receiver.onFreePort(); // down: connections refused
    String subscription = subscribe(crm.url("/hook"));
    try {
      clockAt("2026-12-07T09:00:00Z");
      Lead lead = TestLeads.gradeAAtOwnCompany(capture, "patient", "webinar", null, "demo-request");
      UUID message = onlyMessageTo(subscription);
      OutboxMessage afterFirst = awaitAttempts(message, 1);
      Duration firstWait = Duration.between(attemptedAt(message, 1), afterFirst.nextAttemptAt());
      assertThat(firstWait).as("30 s, with jitter down to half").isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
      assertThat(afterFirst.status()).isEqualTo(OutboxMessage.Status.PENDING);
      assertThat(afterFirst.lastError()).contains("no answer from " + crm.url("/hook"));

      clockAt(Date.from(afterFirst.nextAttemptAt().plusSeconds(1).toInstant()));
      OutboxMessage afterSecond = awaitAttempts(message, 2);
      Duration secondWait = Duration.between(attemptedAt(message, 2), afterSecond.nextAttemptAt());
      assertThat(secondWait).as("twice as long, with jitter").isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));

      crm.up();
      clockAt(Date.from(afterSecond.nextAttemptAt().plusSeconds(1).toInstant()));
      Receiver.Request delivered = Await.until("the delivery once the CRM is back", SECONDS,
          () -> crm.received("/hook").isEmpty() ? null : crm.received("/hook").get(0));
      assertThat(delivered.header("webhook-id")).isEqualTo(message.toString());
      assertThat(delivered.body()).contains(lead.id().toString());
      Await.until("marked sent", SECONDS, () -> outbox.find(message).orElseThrow().status() == OutboxMessage.Status.SENT);
      assertThat(outbox.attempts(message)).extracting(OutboxMessage.Attempt::succeeded).containsExactly(false, false, true);
    } finally {
      crm.down();
      unsubscribe(subscription);
    }
  }

  @Test
  void afterTheLastAttemptTheMessageIsDeadListedCountedAndCanBeSentAgain() {
    Receiver crm = Receiver.onFreePort();
    String subscription = subscribe(crm.url("/hook"));
    ApiClient api = new ApiClient(port);
    try {
      clockAt("2026-12-08T09:00:00Z");
      TestLeads.gradeAAtOwnCompany(capture, "unlucky", "webinar", null, "demo-request");
      UUID message = onlyMessageTo(subscription);
      for (int attempt = 1; attempt <= 4; attempt++) { // lead-handoff.outbox.max-attempts: 4 in these tests
        OutboxMessage now = awaitAttempts(message, attempt);
        clockAt(Date.from(now.nextAttemptAt().plusSeconds(1).toInstant()));
      }
      assertThat(outbox.find(message).orElseThrow().status()).isEqualTo(OutboxMessage.Status.DEAD);

      user("notify-manager", "sales-managers");
      JsonNode dead = api.get("/api/outbox/dead?channel=webhook", "notify-manager", TestUsers.PASSWORD).json();
      assertThat(dead.findValuesAsText("id")).contains(message.toString());
      String metrics = api.get("/actuator/prometheus", ADMIN, ADMIN_PASSWORD).raw().body();
      assertThat(metrics).containsPattern("leadhandoff_outbox_dead [1-9]").contains("leadhandoff_outbox_failed_total{channel=\"webhook\"}")
          .contains("leadhandoff_outbox_lag_seconds");
      assertThat(api.get("/actuator/health/operations", ADMIN, ADMIN_PASSWORD).json().get("components").get("outbox")
          .get("details").get("dead").asInt()).isPositive();

      crm.up();
      assertThat(api.post("/api/outbox/messages/" + message + "/send-again", "notify-manager", TestUsers.PASSWORD, "").status()).isEqualTo(202);
      Receiver.Request delivered = Await.until("the message sent again", SECONDS,
          () -> crm.received("/hook").isEmpty() ? null : crm.received("/hook").get(0));
      assertThat(delivered.header("webhook-id")).isEqualTo(message.toString());
    } finally {
      crm.down();
      unsubscribe(subscription);
    }
  }

  private UUID onlyMessageTo(String subscription) {
    List<UUID> ids = jdbc.sql("select id from outbox_messages where recipient = :s").param("s", subscription).query(UUID.class).list();
    assertThat(ids).hasSize(1);
    return ids.get(0);
  }

  private OutboxMessage awaitAttempts(UUID message, int attempts) {
    return Await.until(attempts + " attempt(s)", SECONDS, () -> outbox.find(message).filter(m -> m.attempts() >= attempts).orElse(null));
  }

  private OffsetDateTime attemptedAt(UUID message, int attempt) {
    return outbox.attempts(message).get(attempt - 1).attemptedAt();
  }
}
