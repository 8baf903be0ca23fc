package com.leadhandoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.integrations.IntegrationKeys;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.security.Access;
import com.leadhandoff.security.Groups;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI description (/v3/api-docs) is the API as it answers: real requests to every kind of operation, answered
 * with success and with errors, are checked against it (the status is documented, the body fits the schema of its
 * content type), and requests the server refuses for a field's value are invalid under it too.
 */
@LeadHandoffTest
class OpenApiContractTest {

  static final String ADMIN = "contract-admin";
  static final String REP = "contract-rep";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired IntegrationKeys keys;
  @Autowired LeadCaptureService capture;
  ApiClient api;
  JsonNode spec;
  OpenApiInteractionValidator validator;
  String admin;
  String key;
  final List<String> problems = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    api = new ApiClient(port);
    TestUsers.ensure(identity, ADMIN, Groups.ADMINS);
    TestUsers.ensure(identity, REP, "sales-emea");
    admin = ApiClient.basic(ADMIN, TestUsers.PASSWORD);
    key = "Bearer " + keys.create("contract-" + UUID.randomUUID().toString().substring(0, 8),
        List.of(Access.CAPTURE_SCOPE, Access.READ_SCOPE), "test").key();
    ApiClient.Response docs = api.exchange("GET", "/v3/api-docs", admin, Map.of(), null);
    assertThat(docs.status()).isEqualTo(200);
    spec = JSON.readTree(docs.raw().body());
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/openapi.json"), docs.raw().body()); // to read when a check fails
    validator = OpenApiInteractionValidator.createForInlineApiSpecification(docs.raw().body()).build();
  }

  /** Sends the request, checks the exchange against the description, and answers the response. */
  ApiClient.Response check(String method, String path, String authorization, String contentType, String body, int expected) {
    return check(method, path, authorization, contentType, body, expected, Map.of());
  }

  ApiClient.Response check(String method, String path, String authorization, String contentType, String body, int expected,
      Map<String, String> extraHeaders) {
    Map<String, String> headers = new HashMap<>(extraHeaders);
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    ApiClient.Response response = api.exchange(method, path, authorization, headers, body);
    String exchange = method + " " + path + " -> " + response.status();
    if (response.status() != expected) {
      problems.add(exchange + ": expected " + expected + ", " + response.raw().body());
    }
    SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status()).withBody(response.raw().body());
    response.raw().headers().map().forEach(answer::withHeader);
    // a request the server refuses is one the description may refuse too: then only the answer is checked
    ValidationReport report = expected >= 400
        ? validator.validateResponse(URI.create(path).getRawPath(), Request.Method.valueOf(method), answer.build())
        : validator.validate(request(method, path, authorization, headers, body), answer.build());
    report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
        .forEach(message -> problems.add(exchange + ": " + message.getKey() + " " + message.getMessage()));
    return response;
  }

  static Request request(String method, String path, String authorization, Map<String, String> headers, String body) {
    URI uri = URI.create(path);
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] parts = pair.split("=", 2);
        request.withQueryParam(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
      }
    }
    if (authorization != null) {
      request.withAuthorization(authorization);
    }
    headers.forEach(request::withHeader);
    if (body != null) {
      request.withBody(body);
    }
    return request.build();
  }

  static String lead(String email, String extra) {
    return "{\"contact\": {\"email\": \"" + email + "\", \"firstName\": \"Jane\"}, \"company\": {\"name\": \"Acme\", \"size\": 800, "
        + "\"country\": \"DE\"}, \"source\": \"webinar\"" + extra + "}";
  }

  static String email() {
    return "contract-" + UUID.randomUUID() + "@acme.example";
  }

  @Test
  void realAnswersOfEveryKindOfOperationAreDescribed() {
    String json = "application/json";
    String email = email();
    // capture and engagement
    String id = check("POST", "/api/leads", key, json, lead(email, ""), 201).json().get("id").asText();
    check("POST", "/api/leads", key, json, lead(email, ""), 200);
    String idempotent = email();
    check("POST", "/api/leads", key, json, lead(idempotent, ""), 201, Map.of("Idempotency-Key", idempotent));
    check("POST", "/api/leads", key, json, lead(email(), ""), 422, Map.of("Idempotency-Key", idempotent));
    check("POST", "/api/leads", key, json, lead(email(), ", \"buyingTimeframe\": \"someday\""), 400);
    check("POST", "/api/leads", key, json, "{\"contact\": ", 400);
    check("POST", "/api/leads", key, "text/plain", "hello", 415);
    check("POST", "/api/leads", null, json, lead(email(), ""), 401);
    check("POST", "/api/leads/" + id + "/activities", key, json, "{\"type\": \"demo-request\", \"content\": \"Pricing page\"}", 201);
    check("POST", "/api/leads/" + UUID.randomUUID() + "/activities", key, json, "{\"type\": \"demo-request\"}", 404);
    // reading leads
    check("GET", "/api/leads/" + id, key, null, null, 200);
    check("GET", "/api/leads?source=webinar&page=0&size=5", key, null, null, 200);
    check("GET", "/api/leads?slaBreached=true", key, null, null, 200);
    check("GET", "/api/leads/" + UUID.randomUUID(), key, null, null, 404);
    check("GET", "/api/leads/not-a-uuid", key, null, null, 400);
    check("GET", "/api/leads", ApiClient.basic(REP, TestUsers.PASSWORD), null, null, 403);
    check("GET", "/api/leads", key, null, null, 406, Map.of("Accept", "image/png"));
    // CSV imports
    String job = check("POST", "/api/leads/import", key, "text/csv", "email,source,company_size\n" + email() + ",webinar,12\n", 202)
        .json().get("id").asText();
    check("GET", "/api/leads/import/" + job, key, null, null, 200);
    check("GET", "/api/leads/import/" + job + "?outcome=sometimes", key, null, null, 400);
    check("POST", "/api/leads/import", key, "text/csv", "who,what\nx,y\n", 400);
    String account = "crm-" + UUID.randomUUID().toString().substring(0, 8);
    check("PUT", "/api/accounts/" + account, key, json, "{\"name\": \"Contract " + account + "\", \"status\": \"target\"}", 201);
    check("PUT", "/api/accounts/" + account, key, json, "{\"name\": \"Contract " + account + "\", \"status\": \"target\"}", 200);
    check("GET", "/api/accounts/" + account, key, null, null, 200);
    check("GET", "/api/accounts/no-such-" + account, key, null, null, 404);
    check("POST", "/api/accounts/import", key, "text/csv", "external_id,name,status\n" + account + "-2,Contract Two,customer\n", 200);
    // integration keys
    String integration = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    check("POST", "/api/integration-keys", admin, json, "{\"integration\": \"" + integration + "\", \"scopes\": [\"capture\"]}", 201);
    check("POST", "/api/integration-keys", admin, json, "{\"integration\": \"" + integration + "\", \"scopes\": [\"capture\"]}", 409);
    check("GET", "/api/integration-keys", admin, null, null, 200);
    check("POST", "/api/integration-keys/" + integration + "/rotation", admin, null, null, 200);
    check("DELETE", "/api/integration-keys/" + integration, admin, null, null, 204);
    check("DELETE", "/api/integration-keys/" + integration, admin, null, null, 404);
    // webhooks and the outbox
    check("POST", "/api/webhooks", admin, json, "{\"url\": \"http://127.0.0.1/hook\", \"eventTypes\": [\"lead.won\"]}", 400);
    check("GET", "/api/webhooks", admin, null, null, 200);
    check("GET", "/api/webhooks/" + UUID.randomUUID(), admin, null, null, 404);
    check("GET", "/api/outbox/dead", admin, null, null, 200);
    check("GET", "/api/outbox/messages?status=SENT", admin, null, null, 200);
    check("POST", "/api/outbox/messages/" + UUID.randomUUID() + "/send-again", admin, null, null, 404);
    // reports
    check("GET", "/api/reports/funnel?from=2026-01-01&to=2026-12-31", admin, null, null, 200);
    check("GET", "/api/reports/funnel", admin, null, null, 200, Map.of("Accept", "text/csv"));
    check("GET", "/api/reports/sla?groupBy=weather", admin, null, null, 400);
    check("GET", "/api/reports/open-breaches", admin, null, null, 200);
    // teams
    check("GET", "/api/teams", admin, null, null, 200);
    check("GET", "/api/teams/sales-emea", admin, null, null, 200);
    check("GET", "/api/teams/sales-emea/audit?limit=5", admin, null, null, 200);
    check("GET", "/api/teams/holidays/DE-BY/2028", admin, null, null, 200);
    check("GET", "/api/teams/holidays/XX-NOWHERE/2028", admin, null, null, 400);
    check("POST", "/api/teams/sales-emea/company-days", admin, json, "{\"date\": \"2031-03-04\", \"name\": \"Contract offsite\"}", 200);
    check("DELETE", "/api/teams/sales-emea/company-days/2031-03-04", admin, null, null, 200);
    check("GET", "/api/teams/sales-emea/reps/" + REP + "/open-leads", admin, null, null, 200);
    // notification preferences, what-if, erasure
    check("GET", "/api/notifications/preferences", admin, null, null, 200);
    check("PUT", "/api/notifications/preferences", admin, json, "{\"channels\": [\"email\"]}", 200);
    check("DELETE", "/api/leads/" + id + "/personal-data", admin, null, null, 200);
    check("DELETE", "/api/leads/" + UUID.randomUUID() + "/personal-data", admin, null, null, 404);

    assertThat(problems).isEmpty();
  }

  @Test
  void aWhatIfReplayIsDescribed() throws Exception {
    Lead lead = TestLeads.gradeA(capture, email(), "webinar", null, "demo-request");
    assertThat(lead).isNotNull();
    String boundary = "contract-" + UUID.randomUUID();
    String candidate = Files.readString(Path.of("decisions", "mql-definition.dmn"));
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"candidate.dmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + candidate + "\r\n--" + boundary + "--\r\n";
    check("POST", "/api/decisions/MqlDefinition/what-if?lastLeads=5", admin, "multipart/form-data; boundary=" + boundary, body, 200);
    check("POST", "/api/decisions/NoSuchDecision/what-if", admin, "multipart/form-data; boundary=" + boundary, body, 404);

    assertThat(problems).isEmpty();
  }

  /** What the server refuses for a field's value, the description refuses too. */
  @Test
  void requestsTheServerRefusesForAFieldAreInvalidUnderTheDescription() {
    for (String extra : List.of(", \"buyingTimeframe\": \"someday\"", ", \"firstMeetingExpectation\": \"lunch\"",
        ", \"activities\": [{\"type\": \"dancing\"}]", ", \"nickname\": \"JD\"")) {
      refusedByBoth(lead(email(), extra));
    }
    refusedByBoth(lead(email(), "").replace("\"webinar\"", "\"telepathy\""));
    refusedByBoth(lead(email(), "").replace("\"size\": 800", "\"size\": 0"));
    refusedByBoth(lead(email(), "").replace("\"size\": 800", "\"size\": 1.5"));
    refusedByBoth(lead(email(), "").replace("\"size\": 800", "\"size\": \"big\""));
    refusedByBoth(lead(email(), "").replace("\"country\": \"DE\"", "\"country\": \"DE\", \"employees\": 5"));
    // the same request with valid values is valid under both
    Request valid = request("POST", "/api/leads", key, Map.of("Content-Type", "application/json"), lead(email(), ""));
    assertThat(validator.validateRequest(valid).getMessages()).isEmpty();
  }

  private void refusedByBoth(String body) {
    Map<String, String> headers = Map.of("Content-Type", "application/json");
    ApiClient.Response response = api.exchange("POST", "/api/leads", key, headers, body);
    assertThat(response.status()).as(body + ": " + response.raw().body()).isEqualTo(400);
    assertThat(validator.validateRequest(request("POST", "/api/leads", key, headers, body)).hasErrors())
        .as("invalid under the description: " + body).isTrue();
  }

  @Test
  void everyOperationDescribesItsSuccessAndItsErrorsAsProblemDetails() {
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue().fields().forEachRemaining(operation -> {
        String name = operation.getKey().toUpperCase() + " " + path.getKey();
        JsonNode responses = operation.getValue().get("responses");
        List<String> codes = new ArrayList<>();
        responses.fieldNames().forEachRemaining(codes::add);
        assertThat(codes).as(name).anyMatch(code -> code.startsWith("2")).contains("401", "403", "500");
        responses.fields().forEachRemaining(response -> {
          JsonNode content = response.getValue().path("content");
          assertThat(content.has("*/*")).as(name + " " + response.getKey() + " names its media type").isFalse();
          if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
            assertThat(content.path("application/problem+json").path("schema").path("$ref").asText()).as(name + " " + response.getKey())
                .isEqualTo("#/components/schemas/Problem");
          }
        });
      });
    }
    assertThat(spec.at("/paths/~1api~1leads~1import/post/requestBody/content").has("text/csv")).isTrue();
    assertThat(spec.at("/paths/~1api~1accounts~1import/post/requestBody/content").has("text/csv")).isTrue();
    assertThat(spec.at("/components/schemas/CompanyInput/properties/size/minimum").asInt()).isEqualTo(1);
    assertThat(spec.at("/components/schemas/LeadSubmission/properties/source/enum")).isNotEmpty();
    assertThat(spec.at("/components/schemas/ActivityInput/properties/type/enum")).isNotEmpty();
    assertThat(spec.at("/components/schemas/LeadSubmission/example").isMissingNode()).isFalse();
  }
}
