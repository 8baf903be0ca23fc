package com.leadhandoff.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.Jobs;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.integrations.IntegrationKeys;
import com.leadhandoff.security.Access;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Through GET /api/leads: a lead's status is its lifecycle stage whatever its SLAs did, and the SLA events have
 * filters of their own. Four hot leads of one campaign in Sales EMEA (accept within 1 business hour, warning after
 * 45 minutes), captured Tue 1 Dec 10:00 Berlin time: one quiet, one warned, one breached (re-routed), one breached
 * twice (escalated to the managers).
 */
class LeadStatusApiTest extends LeadScenario {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @LocalServerPort int port;
  @Autowired IntegrationKeys keys;
  ApiClient api;
  String key;
  String campaign;
  Lead quiet;
  Lead warned;
  Lead breached;
  Lead escalated;

  @BeforeEach
  void fourLeads() {
    api = new ApiClient(port);
    key = keys.create("status-" + UUID.randomUUID().toString().substring(0, 8), List.of(Access.READ_SCOPE), "test").key();
    campaign = "status-" + UUID.randomUUID();
    clockAt(berlin("2026-12-01T10:00"));
    quiet = lead("quiet");
    warned = lead("warned");
    breached = lead("breached");
    escalated = lead("escalated");
    Jobs.travelTo(engine, instanceOf(warned).getId(), berlin("2026-12-01T10:46"));
    Jobs.travelTo(engine, instanceOf(breached).getId(), berlin("2026-12-01T11:01"));
    Jobs.travelTo(engine, instanceOf(escalated).getId(), berlin("2026-12-01T11:01"));
    Jobs.travelTo(engine, instanceOf(escalated).getId(), berlin("2026-12-01T12:02"));
  }

  @Test
  void theStatusStaysTheLifecycleStageAndTheSlaEventsAreFilters() {
    assertThat(emails("status=ROUTED")).as("warnings, breaches and escalations leave the status ROUTED")
        .containsExactlyInAnyOrder(email(quiet), email(warned), email(breached), email(escalated));
    assertThat(emails("status=ROUTED&slaWarned=true")).containsExactlyInAnyOrder(email(warned), email(breached), email(escalated));
    assertThat(emails("slaWarned=false")).containsExactly(email(quiet));
    assertThat(emails("slaBreached=true")).containsExactlyInAnyOrder(email(breached), email(escalated));
    assertThat(emails("status=ROUTED&slaBreached=false")).containsExactlyInAnyOrder(email(quiet), email(warned));
    assertThat(emails("escalated=true")).containsExactly(email(escalated));
    assertThat(emails("escalated=false&slaBreached=true")).containsExactly(email(breached));
    assertThat(emails("status=ACCEPTED&slaBreached=true")).isEmpty();
    assertThat(page("slaBreached=true").get("total").asLong()).isEqualTo(2);
  }

  @Test
  void theLeadViewShowsTheEventsInItsHistoryAndEachClockWithHowItEnded() {
    JsonNode view = view(escalated);
    assertThat(view.get("status").asText()).isEqualTo("ROUTED");
    assertThat(view.get("stages").findValuesAsText("stage"))
        .containsSubsequence("ROUTED", "SLA_WARNING", "SLA_BREACHED", "ROUTED", "SLA_WARNING", "SLA_BREACHED", "ESCALATED");
    JsonNode clocks = view.get("slaClocks");
    assertThat(clocks).hasSize(2);
    for (JsonNode clock : clocks) {
      assertThat(clock.get("state").asText()).isEqualTo("BREACHED");
      assertThat(clock.get("stopReason").asText()).isEqualTo("breached");
      assertThat(instant(clock, "stoppedAt")).isEqualTo(instant(clock, "breachedAt"));
      assertThat(clock.hasNonNull("metAt")).isFalse();
    }
    assertThat(instant(clocks.get(0), "startedAt")).isEqualTo(berlin("2026-12-01T10:00"));
    assertThat(instant(clocks.get(0), "warnedAt")).as("when the reminder went out").isEqualTo(berlin("2026-12-01T11:01"));
    assertThat(instant(clocks.get(0), "dueAt")).isEqualTo(berlin("2026-12-01T11:00"));
    assertThat(instant(clocks.get(0), "breachedAt")).isEqualTo(berlin("2026-12-01T11:01"));
    assertThat(instant(clocks.get(1), "startedAt")).as("the next rep's clock").isEqualTo(berlin("2026-12-01T11:01"));
    assertThat(instant(clocks.get(1), "breachedAt")).isEqualTo(berlin("2026-12-01T12:02"));

    JsonNode running = view(warned).get("slaClocks").get(0);
    assertThat(running.get("state").asText()).isEqualTo("RUNNING");
    assertThat(instant(running, "warnedAt")).isEqualTo(berlin("2026-12-01T10:46"));
    assertThat(running.hasNonNull("stoppedAt")).isFalse();
  }

  @Test
  void anSlaEventIsNoStatusAndAFlagIsTrueOrFalse() {
    ApiClient.Response event = api.withKey("GET", "/api/leads?status=SLA_WARNING", key, null, Map.of());
    assertThat(event.status()).isEqualTo(400);
    assertThat(event.json().get("errors").findValuesAsText("field")).containsExactly("status");
    assertThat(event.json().get("errors").findValuesAsText("message").get(0)).contains("slaWarned");
    ApiClient.Response flags = api.withKey("GET", "/api/leads?slaBreached=yes&escalated=1&slaWarned=TRUE", key, null, Map.of());
    assertThat(flags.status()).isEqualTo(400);
    assertThat(flags.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("slaWarned", "slaBreached", "escalated");
  }

  private Lead lead(String name) {
    return TestLeads.gradeA(capture, name + "-" + UUID.randomUUID() + "@acme.example", "webinar", campaign, "demo-request");
  }

  private static String email(Lead lead) {
    return lead.contact().email();
  }

  private JsonNode page(String query) {
    ApiClient.Response response = api.withKey("GET", "/api/leads?campaign=" + campaign + "&" + query, key, null, Map.of());
    assertThat(response.status()).as(query).isEqualTo(200);
    return response.json();
  }

  private List<String> emails(String query) {
    return StreamSupport.stream(page(query).get("items").spliterator(), false).map(lead -> lead.get("email").asText()).toList();
  }

  private JsonNode view(Lead lead) {
    ApiClient.Response response = api.withKey("GET", "/api/leads/" + lead.id(), key, null, Map.of());
    assertThat(response.status()).isEqualTo(200);
    return response.json();
  }

  private static Date instant(JsonNode clock, String field) {
    return Date.from(OffsetDateTime.parse(clock.get(field).asText()).toInstant());
  }

  private static Date berlin(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant());
  }
}
