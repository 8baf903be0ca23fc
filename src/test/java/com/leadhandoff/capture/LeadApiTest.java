package com.leadhandoff.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.Jobs;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.security.Groups;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The lead-capture API as an integrator uses it: one status code, one rule per test. */
@LeadHandoffTest
class LeadApiTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired LeadRepository leads;
  @Autowired ProcessEngine engine;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, "crm", Groups.INTEGRATION);
    TestUsers.ensure(identity, "crm-manager", Groups.SALES_MANAGERS);
  }

  static String lead(String email, String title, String campaign) {
    return """
        {"contact": {"email": "%s", "title": "%s"},
         "company": {"name": "Acme", "size": 800, "industry": "software", "country": "DE"},
         "source": "webinar", "campaign": "%s"}""".formatted(email, title, campaign);
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID() + "@acme.example";
  }

  private ApiClient.Response post(String body, String idempotencyKey) {
    return api.send("POST", "/api/leads", "crm", TestUsers.PASSWORD, body, Map.of("Idempotency-Key", idempotencyKey));
  }

  private long instancesOf(String leadId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(leadId).count();
  }

  @Test
  void aRetriedRequestWithTheSameIdempotencyKeyReturnsTheSameLeadAndStartsNoSecondProcess() {
    String body = lead(unique("retry"), "CTO", "q4");
    ApiClient.Response first = post(body, "form-42-" + UUID.randomUUID());
    String key = first.raw().request().headers().firstValue("Idempotency-Key").orElseThrow();
    ApiClient.Response retry = post(body, key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(instancesOf(first.json().get("id").asText())).isEqualTo(1);
  }

  @Test
  void theSameKeyWithADifferentRequestIs422() {
    String key = "form-43-" + UUID.randomUUID();
    assertThat(post(lead(unique("first"), "CTO", "q4"), key).status()).isEqualTo(201);
    ApiClient.Response reused = post(lead(unique("second"), "CTO", "q4"), key);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().get("detail").asText()).contains(key);
  }

  @Test
  void aKeyThatIsNotVisibleAsciiIs400() {
    ApiClient.Response response = post(lead(unique("key"), "CTO", "q4"), " ");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
  }

  @Test
  void theSameEmailWhileTheLeadIsOpenBecomesEngagementOnIt() {
    String email = unique("twice");
    ApiClient.Response first = api.post("/api/leads", "crm", TestUsers.PASSWORD, lead(email, "CTO", "q4"));
    ApiClient.Response again = api.post("/api/leads", "crm", TestUsers.PASSWORD, lead("  " + email.toUpperCase() + " ", "CTO", "q1"));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
    UUID id = UUID.fromString(first.json().get("id").asText());
    assertThat(leads.activities(id)).extracting(a -> a.type()).contains("form-submission");
    assertThat(leads.activities(id).get(leads.activities(id).size() - 1).content()).isEqualTo("submitted again via webinar, campaign q1");
    assertThat(instancesOf(id.toString())).isEqualTo(1);
  }

  @Test
  void aClosedLeadsContactComingBackStartsANewLeadLinkedToTheEarlierOne() {
    String email = unique("returning");
    ApiClient.Response student = api.post("/api/leads", "crm", TestUsers.PASSWORD, lead(email, "Student", "q4"));
    assertThat(student.json().get("status").asText()).isEqualTo("DISQUALIFIED");

    ApiClient.Response back = api.post("/api/leads", "crm", TestUsers.PASSWORD, lead(email, "CTO", "q1"));

    assertThat(back.status()).isEqualTo(201);
    assertThat(back.json().get("id")).isNotEqualTo(student.json().get("id"));
    assertThat(back.json().get("previousLeadId")).isEqualTo(student.json().get("id"));
  }

  @Test
  void anActivityOnANurturedLeadQualifiesItAgain() {
    ApiClient.Response nurtured = api.post("/api/leads", "crm", TestUsers.PASSWORD, lead(unique("nurtured"), "CTO", "q4"));
    assertThat(nurtured.json().get("status").asText()).isEqualTo("NURTURING");
    String id = nurtured.json().get("id").asText();

    ApiClient.Response activity = api.post("/api/leads/" + id + "/activities", "crm", TestUsers.PASSWORD,
        "{\"type\": \"demo-request\", \"content\": \"Pricing page demo form\"}");

    assertThat(activity.status()).isEqualTo(201);
    Jobs.runDueForLead(engine, UUID.fromString(id)); // the job executor re-qualifies the lead
    assertThat(api.get("/api/leads/" + id, "crm", TestUsers.PASSWORD).json().get("mqlOutcome").asText()).isEqualTo("MQL");
  }

  @Test
  void activitiesOnUnknownOrClosedLeadsAndBadActivitiesAreProblems() {
    assertThat(api.post("/api/leads/" + UUID.randomUUID() + "/activities", "crm", TestUsers.PASSWORD, "{\"type\": \"email-click\"}")
        .status()).isEqualTo(404);
    String closed = api.post("/api/leads", "crm", TestUsers.PASSWORD, lead(unique("closed"), "Intern", "q4")).json().get("id").asText();
    ApiClient.Response onClosed = api.post("/api/leads/" + closed + "/activities", "crm", TestUsers.PASSWORD, "{\"type\": \"email-click\"}");
    assertThat(onClosed.status()).isEqualTo(409);
    assertThat(onClosed.header("Content-Type")).startsWith("application/problem+json");

    String open = api.post("/api/leads", "crm", TestUsers.PASSWORD, lead(unique("open"), "CTO", "q4")).json().get("id").asText();
    ApiClient.Response bad = api.post("/api/leads/" + open + "/activities", "crm", TestUsers.PASSWORD,
        "{\"type\": \"liked-a-post\", \"occurredAt\": \"2999-01-01T00:00:00Z\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactly("occurredAt", "type");
    assertThat(api.post("/api/leads/not-a-uuid/activities", "crm", TestUsers.PASSWORD, "{\"type\": \"email-click\"}").status()).isEqualTo(400);
  }

  @Test
  void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
    String huge = lead(unique("huge"), "x".repeat(70_000), "q4");
    assertThat(api.post("/api/leads", "crm", TestUsers.PASSWORD, huge).status()).isEqualTo(413);

    java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/leads"))
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("crm:" + TestUsers.PASSWORD).getBytes()))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())))
            .build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
  }

  @Test
  void theApiIsDescribedByOpenApi() {
    JsonNode openApi = api.get("/v3/api-docs", null, null).json();
    assertThat(openApi.get("paths").has("/api/leads")).isTrue();
    assertThat(openApi.get("paths").has("/api/leads/{id}/activities")).isTrue();
    assertThat(openApi.get("paths").has("/api/decisions/{key}/what-if")).isTrue();
    assertThat(openApi.get("paths").get("/api/reports/funnel").get("get").get("parameters").findValuesAsText("name"))
        .containsExactlyInAnyOrder("from", "to", "groupBy");
    assertThat(openApi.get("paths").has("/api/leads/{id}/personal-data")).isTrue();
  }

  /** One row per validation rule: the field set to a value that breaks it, and the field the problem must name. */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0} = {1}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      contact.email             | ""                        | contact.email
      contact.email             | "no-at-sign"              | contact.email
      contact.email             | "x@localhost"             | contact.email
      contact.email             | "x@10.0.0.1"              | contact.email
      contact.email             | "<b>x</b>@acme.example"   | contact.email
      contact.firstName         | "LONG101"                 | contact.firstName
      contact.lastName          | "LONG101"                 | contact.lastName
      contact.title             | "LONG151"                 | contact.title
      contact.phone             | "call me"                 | contact.phone
      company.name              | "LONG201"                 | company.name
      company.size              | -1                        | company.size
      company.size              | 10000001                  | company.size
      company.industry          | "LONG81"                  | company.industry
      company.country           | "DEU"                     | company.country
      company.country           | "ZZ"                      | company.country
      company.website           | "http://"                 | company.website
      source                    | ""                        | source
      source                    | "billboard"               | source
      campaign                  | "LONG201"                 | campaign
      utm.source                | "LONG201"                 | utm.source
      firstTouchContent         | "LONG501"                 | firstTouchContent
      buyingTimeframe           | "Next Year!"              | buyingTimeframe
      buyingTimeframe           | "someday"                 | buyingTimeframe
      firstMeetingExpectation   | "DEMO PLEASE"             | firstMeetingExpectation
      activities                | [{"type": "liked"}]       | activities[0].type
      activities                | [{"type": ""}]            | activities[0].type
      activities                | [{"type": "email-click", "occurredAt": "2999-01-01T00:00:00Z"}] | activities[0].occurredAt
      activities                | [null]                    | activities[0]
      activities                | [{"type": "email-click", "occurredAt": "-5000-01-01T00:00:00Z"}] | activities[0].occurredAt
      activities                | [{"type": "email-click", "occurredAt": "1989-12-31T23:59:59Z"}]  | activities[0].occurredAt
      """)
  void everyValidationRuleNamesItsField(String path, String value, String field) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(lead(unique("rule"), "CTO", "q4"));
    String[] parts = path.split("\\.");
    com.fasterxml.jackson.databind.node.ObjectNode parent = parts.length == 1 ? doc : (com.fasterxml.jackson.databind.node.ObjectNode) doc.with(parts[0]);
    String resolved = value.startsWith("\"LONG") ? "\"" + "x".repeat(Integer.parseInt(value.substring(5, value.length() - 1))) + "\"" : value;
    parent.set(parts[parts.length - 1], mapper.readTree(resolved));
    long before = leads.count();

    ApiClient.Response response = api.post("/api/leads", "crm", TestUsers.PASSWORD, doc.toString());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
    assertThat(leads.count()).isEqualTo(before);
  }

  @Test
  void leadsAreListedByFiltersOnePageAtATime() {
    String campaign = "list-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      api.post("/api/leads", "crm", TestUsers.PASSWORD, lead(unique("list"), "CTO", campaign));
    }
    JsonNode page = api.get("/api/leads?campaign=" + campaign + "&status=NURTURING&size=2&page=0", "crm-manager", TestUsers.PASSWORD).json();
    assertThat(page.get("total").asLong()).isEqualTo(3);
    assertThat(page.get("items")).hasSize(2);
    assertThat(api.get("/api/leads?campaign=" + campaign + "&size=2&page=1", "crm-manager", TestUsers.PASSWORD).json().get("items")).hasSize(1);

    ApiClient.Response bad = api.get("/api/leads?status=HOT&size=0&page=-1", "crm-manager", TestUsers.PASSWORD);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactly("page", "size", "status");
  }
}
