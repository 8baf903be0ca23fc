package com.leadhandoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.security.Groups;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every error of every product address, whoever answers it (a controller, Spring MVC, a filter, Tomcat), is a problem detail. */
@LeadHandoffTest
class ProblemDetailsEverywhereTest {

  static final String ADMIN = "problems-admin";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, ADMIN, Groups.ADMINS);
  }

  /** method, path, Content-Type, Accept, body, the status expected. */
  record Case(String method, String path, String contentType, String accept, String body, int status) {}

  @Test
  void everyErrorIsAProblemDetailWithoutInternals() {
    String lead = "/api/leads/" + UUID.randomUUID();
    SoftAssertions softly = new SoftAssertions();
    for (Case c : new Case[] {
        new Case("GET", "/api/no-such-thing", null, null, null, 404),
        new Case("GET", "/api/leads/import/" + UUID.randomUUID(), null, null, null, 404),
        new Case("GET", lead, null, null, null, 404),
        new Case("GET", "/reports/no-such-page.html", null, null, null, 404),
        new Case("GET", "/teams/no-such-page.html", null, null, null, 404),
        new Case("GET", "/no-such-page", null, null, null, 404),
        new Case("GET", "/actuator/no-such-endpoint", null, null, null, 404),
        new Case("GET", "/engine-rest/no-such-resource", null, null, null, 404),
        new Case("DELETE", "/api/leads", null, null, null, 405),
        new Case("PUT", "/api/integration-keys", "application/json", null, "{}", 405),
        new Case("POST", "/actuator/health", "application/json", null, "{}", 405),
        new Case("PUT", "/login/session", "application/json", null, "{}", 405),
        new Case("POST", "/api/leads", "text/plain", null, "hello", 415),
        new Case("POST", "/api/leads/import", "application/json", null, "{}", 415),
        new Case("PUT", "/api/accounts/crm-1", "application/xml", null, "<a/>", 415),
        // a wildcard Content-Type on a POST without a body (one whose body is optional): was a 500, found by EndpointFuzzTest
        new Case("POST", "/api/integration-keys", "*/*", null, null, 415),
        new Case("GET", "/api/leads", null, "image/png", null, 406),
        new Case("POST", "/api/leads", "application/json", null, "{\"contact\":", 400),
        new Case("GET", "/api/leads/not-a-uuid", null, null, null, 400),
        new Case("GET", "/api/leads?page=first", null, null, null, 400)}) {
      ApiClient.Response response = api.send(c.method(), c.path(), ADMIN, TestUsers.PASSWORD, c.body() == null ? "" : c.body(),
          headers(c));
      String what = c.method() + " " + c.path() + " -> " + response.status() + " " + response.header("Content-Type") + " " + response.raw().body();
      softly.assertThat(response.status()).as(what).isEqualTo(c.status());
      softly.assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
      if (String.valueOf(response.header("Content-Type")).startsWith("application/problem+json")) {
        softly.assertThat(response.json().path("status").asInt()).as(what).isEqualTo(c.status());
        softly.assertThat(response.json().path("title").asText()).as(what).isNotBlank();
        // Camunda's REST API keeps its documented error type (NotFoundException...) as the problem's type
        softly.assertThat(response.json().path("detail").asText()).as(what).isNotBlank().doesNotContain("Exception");
      }
      softly.assertThat(response.raw().body()).as(what).doesNotContain("org.").doesNotContain("trace").doesNotContain("SQL");
    }
    softly.assertAll();
  }

  @Test
  void aBadQueryParameterOrPathSegmentIsNamed() {
    ApiClient.Response response = api.get("/api/leads/not-a-uuid", ADMIN, TestUsers.PASSWORD);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("id");
    assertThat(response.json().path("errors").get(0).path("message").asText()).isEqualTo("must be a UUID");
  }

  @Test
  void aWrongMethodNamesTheAllowedOnes() {
    ApiClient.Response response = api.send("DELETE", "/api/leads", ADMIN, TestUsers.PASSWORD, "", Map.of());

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Allow")).contains("GET").contains("POST");
  }

  private static Map<String, String> headers(Case c) {
    Map<String, String> headers = new java.util.HashMap<>();
    if (c.contentType() != null) {
      headers.put("Content-Type", c.contentType());
    }
    if (c.accept() != null) {
      headers.put("Accept", c.accept());
    }
    return headers;
  }
}
