package com.leadhandoff.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.security.Groups;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An administrator gives each integration a key through the API: shown once, stored as its hash, scoped, rotated and
 * revoked; a capture-only key pushes leads in and reads none.
 */
@LeadHandoffTest
class IntegrationKeysTest {

  static final String ADMIN = "keys-admin", MANAGER = "keys-manager";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  ApiClient api;

  @BeforeEach
  void users() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, ADMIN, Groups.ADMINS);
    TestUsers.ensure(identity, MANAGER, Groups.SALES_MANAGERS);
  }

  static String lead(String email) {
    return """
        {"contact": {"email": "%s", "title": "VP Engineering"},
         "company": {"name": "Acme", "size": 800, "industry": "software", "country": "DE"},
         "source": "webinar"}""".formatted(email);
  }

  private JsonNode create(String integration, String... scopes) {
    ApiClient.Response created = api.send("POST", "/api/integration-keys", ADMIN, TestUsers.PASSWORD,
        "{\"integration\": \"%s\", \"scopes\": [%s]}".formatted(integration, String.join(", ", List.of(scopes).stream().map(s -> '"' + s + '"').toList())),
        Map.of());
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return created.json();
  }

  private ApiClient.Response capture(String key, String email) {
    return api.withKey("POST", "/api/leads", key, lead(email), Map.of());
  }

  @Test
  void aKeyIsShownOnceStoredAsItsHashAndCapturesLeads() {
    String integration = "web-form-" + UUID.randomUUID().toString().substring(0, 8);
    JsonNode issued = create(integration, "capture");
    String key = issued.get("key").asText();
    assertThat(key).startsWith("lh_").hasSizeGreaterThan(40);
    assertThat(issued.get("scopes")).hasSize(1);

    JsonNode listed = api.get("/api/integration-keys", ADMIN, TestUsers.PASSWORD).json();
    JsonNode mine = null;
    for (JsonNode entry : listed) {
      if (entry.get("integration").asText().equals(integration)) {
        mine = entry;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.has("key")).as("the list never shows a key").isFalse();
    assertThat(key).startsWith(mine.get("keyPrefix").asText());
    assertThat(jdbc.sql("select count(*) from integration_keys where key_hash = ? or key_prefix = ?").params(key, key)
        .query(Long.class).single()).as("the key itself is stored nowhere").isZero();

    ApiClient.Response captured = capture(key, "key-" + UUID.randomUUID() + "@acme.example");
    assertThat(captured.status()).as(captured.raw().body()).isEqualTo(201);
    String leadId = captured.json().get("id").asText();
    assertThat(jdbc.sql("select captured_by from leads where id = ?").param(UUID.fromString(leadId)).query(String.class).single())
        .isEqualTo(integration);
  }

  @Test
  void aCaptureOnlyKeyReadsNoLeadNotEvenByCapturingTheSameEmailAgain() {
    String key = create("capture-only-" + UUID.randomUUID().toString().substring(0, 8), "capture").get("key").asText();
    String email = "someone-" + UUID.randomUUID() + "@acme.example";
    String leadId = capture(key, email).json().get("id").asText();

    assertThat(api.withKey("GET", "/api/leads/" + leadId, key, null, Map.of()).status()).isEqualTo(403);
    assertThat(api.withKey("GET", "/api/leads", key, null, Map.of()).status()).isEqualTo(403);
    ApiClient.Response again = capture(key, email);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asText()).isEqualTo(leadId);
    assertThat(again.raw().body()).doesNotContain(email).doesNotContain("Acme");

    String reader = create("reader-" + UUID.randomUUID().toString().substring(0, 8), "read").get("key").asText();
    ApiClient.Response read = api.withKey("GET", "/api/leads/" + leadId, reader, null, Map.of());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.raw().body()).contains(email);
    assertThat(capture(reader, "other-" + UUID.randomUUID() + "@acme.example").status()).as("a read key captures nothing").isEqualTo(403);
  }

  @Test
  void aRotatedKeyReplacesTheOldOneAtOnceAndARevokedKeyIsRefused() {
    String integration = "crm-" + UUID.randomUUID().toString().substring(0, 8);
    String first = create(integration, "capture", "read").get("key").asText();

    ApiClient.Response rotated = api.send("POST", "/api/integration-keys/" + integration + "/rotation", ADMIN, TestUsers.PASSWORD, "", Map.of());
    assertThat(rotated.status()).isEqualTo(200);
    String second = rotated.json().get("key").asText();
    assertThat(second).isNotEqualTo(first);
    assertThat(capture(first, "rot-" + UUID.randomUUID() + "@acme.example").status()).isEqualTo(401);
    assertThat(capture(second, "rot-" + UUID.randomUUID() + "@acme.example").status()).isEqualTo(201);

    assertThat(api.send("DELETE", "/api/integration-keys/" + integration, ADMIN, TestUsers.PASSWORD, "", Map.of()).status()).isEqualTo(204);
    assertThat(capture(second, "rev-" + UUID.randomUUID() + "@acme.example").status()).isEqualTo(401);
    ApiClient.Response again = api.send("POST", "/api/integration-keys/" + integration + "/rotation", ADMIN, TestUsers.PASSWORD, "", Map.of());
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(create(integration, "capture").get("key").asText()).as("a revoked integration gets a new key").isNotEqualTo(second);
  }

  @Test
  void badInputIsAProblemNamingEveryFieldAndOnlyAdministratorsManageKeys() {
    ApiClient.Response bad = api.send("POST", "/api/integration-keys", ADMIN, TestUsers.PASSWORD,
        "{\"integration\": \"Web Form!\", \"scopes\": [\"capture\", \"delete\"]}", Map.of());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    assertThat(bad.raw().body()).contains("integration").contains("unknown scope 'delete'");
    assertThat(api.send("POST", "/api/integration-keys", ADMIN, TestUsers.PASSWORD, "{\"integration\": \"no-scopes\"}", Map.of()).status())
        .isEqualTo(400);
    assertThat(api.send("POST", "/api/integration-keys", ADMIN, TestUsers.PASSWORD, "not json", Map.of()).status()).isEqualTo(400);

    String integration = "twice-" + UUID.randomUUID().toString().substring(0, 8);
    create(integration, "capture");
    ApiClient.Response twice = api.send("POST", "/api/integration-keys", ADMIN, TestUsers.PASSWORD,
        "{\"integration\": \"" + integration + "\", \"scopes\": [\"capture\"]}", Map.of());
    assertThat(twice.status()).isEqualTo(409);

    assertThat(api.send("POST", "/api/integration-keys", MANAGER, TestUsers.PASSWORD,
        "{\"integration\": \"by-a-manager\", \"scopes\": [\"read\"]}", Map.of()).status()).isEqualTo(403);
    assertThat(api.get("/api/integration-keys", MANAGER, TestUsers.PASSWORD).status()).isEqualTo(403);
  }

  @Test
  void aKeyIsForTheLeadApiOnly() {
    String key = create("engine-" + UUID.randomUUID().toString().substring(0, 8), "capture", "read").get("key").asText();
    assertThat(api.withKey("GET", "/engine-rest/process-definition", key, null, Map.of()).status()).isEqualTo(403);
    assertThat(api.withKey("GET", "/api/integration-keys", key, null, Map.of()).status()).isEqualTo(403);
  }
}
