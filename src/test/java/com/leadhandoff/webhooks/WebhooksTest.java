package com.leadhandoff.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.ApiClient;
import com.leadhandoff.Await;
import com.leadhandoff.Jobs;
import com.leadhandoff.TestLeads;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.outbox.OutboxScenario;
import com.leadhandoff.outbox.Receiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The CRM hears everything: an administrator subscribes a URL to event types through the API and gets the secret once;
 * each event arrives at a real local HTTP receiver, signed as the Standard Webhooks specification says (checked here
 * with the specification's algorithm, coded apart from the product's), in the order it happened per lead; the
 * subscription's delivery log shows each delivery with its attempts, and a delivery can be replayed with the same id.
 */
class WebhooksTest extends OutboxScenario {

  static final String ADMIN = "test-admin";
  static final String ADMIN_PASSWORD = "test-admin-password";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration SECONDS = Duration.ofSeconds(10);

  @LocalServerPort int port;

  static Date berlin(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Berlin")).toInstant());
  }

  @Test
  void eventsArriveSignedInOrderPerLeadAndADeliveryCanBeReplayedWithTheSameId() throws Exception {
    ApiClient api = new ApiClient(port);
    String path = "/crm/" + UUID.randomUUID();
    ApiClient.Response created = api.post("/api/webhooks", ADMIN, ADMIN_PASSWORD, """
        {"url": "%s", "eventTypes": ["lead.captured", "lead.mql", "lead.assigned", "sla.warning", "sla.breached"],
         "description": "the CRM"}""".formatted(HTTP.url(path)));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    String secret = created.json().get("secret").asText();
    assertThat(secret).startsWith("whsec_");
    assertThat(created.header("Location")).isEqualTo("/api/webhooks/" + id);
    assertThat(api.get("/api/webhooks/" + id, ADMIN, ADMIN_PASSWORD).json().has("secret")).as("shown once").isFalse();
    try {
      clockAt(berlin("2026-12-01T10:00"));
      Lead lead = TestLeads.gradeAAtOwnCompany(capture, "hooked", "webinar", null, "demo-request");
      List<Receiver.Request> first = Await.until("three events", SECONDS, () -> HTTP.received(path).size() >= 3 ? HTTP.received(path) : null);
      assertThat(first).extracting(r -> type(r)).containsExactly("lead.captured", "lead.mql", "lead.assigned");
      for (Receiver.Request request : first) {
        assertThat(verifies(secret, request)).as("signature of " + type(request)).isTrue();
        JsonNode data = JSON.readTree(request.body()).get("data");
        assertThat(data.get("leadId").asText()).isEqualTo(lead.id().toString());
        assertThat(data.get("email").asText()).isEqualTo(lead.contact().email());
      }
      JsonNode assigned = JSON.readTree(first.get(2).body()).get("data");
      assertThat(assigned.get("rep").asText()).startsWith("notify-rep-").isEqualTo(assigned.get("owner").asText());
      assertThat(assigned.get("team").asText()).isEqualTo("sales-emea");

      Jobs.travelTo(engine, instanceOf(lead).getId(), berlin("2026-12-01T10:46"));
      Jobs.travelTo(engine, instanceOf(lead).getId(), berlin("2026-12-01T11:01"));
      List<Receiver.Request> all = Await.until("the warning, the breach and the re-assignment", SECONDS,
          () -> HTTP.received(path).size() >= 6 ? HTTP.received(path) : null);
      assertThat(all).extracting(r -> type(r))
          .containsExactly("lead.captured", "lead.mql", "lead.assigned", "sla.warning", "sla.breached", "lead.assigned");
      assertThat(all).allMatch(r -> verifies(secret, r));
      assertThat(all.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(6);

      JsonNode log = api.get("/api/webhooks/" + id + "/deliveries", ADMIN, ADMIN_PASSWORD).json();
      assertThat(log).hasSize(6);
      JsonNode newest = log.get(0);
      assertThat(newest.get("status").asText()).isEqualTo("SENT");
      assertThat(newest.get("log").get(0).get("statusCode").asInt()).isEqualTo(200);
      assertThat(newest.get("id").asText()).isEqualTo(all.get(5).header("webhook-id"));

      String replayed = log.get(5).get("id").asText(); // the oldest: lead.captured
      assertThat(api.post("/api/webhooks/" + id + "/deliveries/" + replayed + "/replay", ADMIN, ADMIN_PASSWORD, "").status()).isEqualTo(202);
      Receiver.Request again = Await.until("the replay", SECONDS, () -> HTTP.received(path).size() >= 7 ? HTTP.received(path).get(6) : null);
      assertThat(again.header("webhook-id")).as("a receiver drops what it has seen").isEqualTo(replayed);
      assertThat(type(again)).isEqualTo("lead.captured");
      assertThat(verifies(secret, again)).isTrue();
    } finally {
      api.send("DELETE", "/api/webhooks/" + id, ADMIN, ADMIN_PASSWORD, "", Map.of());
    }
  }

  @Test
  void theSignatureIsTheSpecificationsExample() {
    // the example of the Standard Webhooks specification's reference libraries
    assertThat(StandardWebhooks.signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
        "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void anUnknownEventTypeOrAMissingUrlIsRefusedWithProblemDetailsAndNothingIsStored() {
    ApiClient api = new ApiClient(port);
    int before = api.get("/api/webhooks", ADMIN, ADMIN_PASSWORD).json().size();
    ApiClient.Response refused = api.post("/api/webhooks", ADMIN, ADMIN_PASSWORD,
        "{\"eventTypes\": [\"lead.captured\", \"lead.exploded\"]}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("errors").toString()).contains("\"field\":\"eventTypes[1]\"")
        .contains("unknown event type 'lead.exploded'").contains("\"field\":\"url\"");
    assertThat(api.get("/api/webhooks", ADMIN, ADMIN_PASSWORD).json().size()).isEqualTo(before);
  }

  @Test
  void onlyAdministratorsManageSubscriptions() {
    user("notify-manager", "sales-managers");
    ApiClient.Response refused = new ApiClient(port).post("/api/webhooks", "notify-manager", com.leadhandoff.TestUsers.PASSWORD,
        "{\"url\": \"" + HTTP.url("/x") + "\", \"eventTypes\": [\"lead.captured\"]}");
    assertThat(refused.status()).isEqualTo(403);
  }

  private static String type(Receiver.Request request) {
    try {
      return JSON.readTree(request.body()).get("type").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The specification's verification, written here from the specification: the key is the base64 after "whsec_"; the
   * signed content is "id.timestamp.body"; the header lists space-separated "v1,<base64 HMAC-SHA256>" signatures, one
   * of which must match; the timestamp must be within five minutes of now.
   */
  static boolean verifies(String secret, Receiver.Request request) {
    try {
      String id = request.header("webhook-id");
      String timestamp = request.header("webhook-timestamp");
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      String expected = "v1," + Base64.getEncoder().encodeToString(
          hmac.doFinal((id + "." + timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
      boolean fresh = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= 300;
      return fresh && Arrays.asList(request.header("webhook-signature").split(" ")).contains(expected);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
