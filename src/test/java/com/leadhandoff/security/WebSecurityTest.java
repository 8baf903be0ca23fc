package com.leadhandoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.WebappSession;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.integrations.IntegrationKeys;
import com.leadhandoff.lead.Lead;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a browser and a stranger see: security headers on every page, the health status open and everything else of
 * operations for operators, the API description behind the login, a Secure session cookie behind HTTPS, and no change
 * from another site's page even with a valid CSRF token.
 */
@LeadHandoffTest
class WebSecurityTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired IntegrationKeys keys;
  @Autowired LeadCaptureService capture;
  @Autowired TaskService tasks;
  ApiClient api;

  @BeforeEach
  void users() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, "web-rep", "sales-emea");
    TestUsers.ensure(identity, "web-operator", Groups.OPERATORS);
    TestUsers.ensure(identity, "web-manager", Groups.SALES_MANAGERS);
  }

  private static void assertSecurityHeaders(ApiClient.Response response) {
    assertThat(response.header("Content-Security-Policy")).as("CSP of %s", response.raw().uri())
        .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("script-src 'self'");
    assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
  }

  @Test
  void everyPageAndApiAnswerCarriesTheSecurityHeaders() {
    ApiClient.Response reports = api.get("/reports/", null, null);
    assertThat(reports.status()).isEqualTo(200);
    assertSecurityHeaders(reports);
    assertSecurityHeaders(api.get("/reports/reports.js", null, null));
    assertSecurityHeaders(api.get("/login", null, null));
    ApiClient.Response report = api.get("/api/reports/funnel", "web-manager", TestUsers.PASSWORD);
    assertThat(report.status()).isEqualTo(200);
    assertSecurityHeaders(report);
    assertSecurityHeaders(api.get("/api/leads", null, null)); // a refusal too
  }

  @Test
  void theLoadBalancerSeesTheStatusOperatorsSeeDetailsAndMetricsRepsAndKeysDoNot() {
    ApiClient.Response health = api.get("/actuator/health", null, null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().has("components")).isFalse();
    String key = keys.create("metrics-" + UUID.randomUUID().toString().substring(0, 8), List.of("capture", "read"), "test").key();
    for (String endpoint : List.of("/actuator/prometheus", "/actuator/health/operations")) {
      assertThat(api.get(endpoint, null, null).status()).isEqualTo(401);
      assertThat(api.get(endpoint, "web-rep", TestUsers.PASSWORD).status()).as("a rep on %s", endpoint).isEqualTo(403);
      assertThat(api.get(endpoint, "web-manager", TestUsers.PASSWORD).status()).as("a manager on %s", endpoint).isEqualTo(403);
      assertThat(api.withKey("GET", endpoint, key, null, Map.of()).status()).as("an integration key on %s", endpoint).isEqualTo(403);
      assertThat(api.get(endpoint, "web-operator", TestUsers.PASSWORD).status()).as("an operator on %s", endpoint).isEqualTo(200);
    }
  }

  @Test
  void theApiDescriptionNeedsALoginOutsideTheDemo() {
    assertThat(api.get("/v3/api-docs", null, null).status()).isEqualTo(302);
    assertThat(api.get("/swagger-ui/index.html", null, null).status()).isEqualTo(302);
    assertThat(api.get("/v3/api-docs", "web-rep", TestUsers.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void theSessionCookieIsSecureBehindAnHttpsProxy() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest.Builder login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=web-rep&password=" + TestUsers.PASSWORD));
    HttpResponse<String> direct = http.send(login.build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> proxied = http.send(login.header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "leads.example.com")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(direct.statusCode()).isEqualTo(302);
    assertThat(direct.headers().firstValue("Set-Cookie").orElseThrow()).contains("JSESSIONID").contains("HttpOnly").doesNotContain("Secure");
    assertThat(proxied.statusCode()).isEqualTo(302);
    assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow()).contains("JSESSIONID").contains("Secure").contains("HttpOnly");
    assertThat(proxied.headers().firstValue("Location").orElseThrow()).startsWith("https://leads.example.com/");
    assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
  }

  static final String CLAIM = "{\"userId\": \"web-rep\"}";

  @Test
  void aChangeFromAnotherSitesPageIsRefusedEvenWithAValidCsrfToken() throws Exception {
    Lead lead = TestLeads.gradeA(capture, "origin-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
    String task = tasks.createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult().getId();
    tasks.setAssignee(task, null);
    WebappSession session = new WebappSession(port, "default", "tasklist");
    assertThat(session.login("tasklist", "web-rep", TestUsers.PASSWORD)).isEqualTo(200);
    assertThat(session.engineApi("GET", "/task/" + task).statusCode()).isEqualTo(200); // hands out the CSRF token

    HttpResponse<String> foreign = session.engineApiFrom("https://evil.example", "POST", "/task/" + task + "/claim", CLAIM);
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

    HttpResponse<String> own = session.engineApiFrom("http://localhost:" + port, "POST", "/task/" + task + "/claim", CLAIM);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("web-rep");
  }
}
