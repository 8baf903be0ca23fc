package com.leadhandoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.ApiClient;
import com.leadhandoff.Fuzz;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.integrations.IntegrationKeys;
import com.leadhandoff.security.Access;
import com.leadhandoff.security.Groups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Random requests to every product address (every operation of the OpenAPI description with junk in its path, query
 * and body, the pages, actuator, the Camunda REST API's starts): wrong methods, content types, Accept headers and
 * bodies. None is a server error, and every error is a problem detail.
 */
@LeadHandoffTest
class EndpointFuzzTest {

  static final int CASES = 800;
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired IntegrationKeys keys;
  @Autowired RuntimeService runtime;

  static Arbitrary<String> segment() {
    return Arbitraries.oneOf(Arbitraries.of(UUID.randomUUID().toString(), "sales-emea", "0", "-1", "2028", "DE-BY", "x", "%00",
        "%2e%2e", "2026-13-45", "LeadLifecycle", "SalesFollowUp"), Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40));
  }

  static Arbitrary<String> body() {
    return Arbitraries.oneOf(Arbitraries.of("", "{}", "[]", "null", "{\"a\":1,\"a\":2}", "{\"size\": 1.5}", "{\"channels\": [\"pigeon\"]}",
        "{\"contact\": {\"email\": \"x@localhost\"}, \"source\": \"webinar\"}", "email,source\nx@acme.example,webinar\n", "{\"x\": \"\\u0000\"}",
        "{\"date\": \"2026-02-30\", \"name\": \"x\"}", "{\"workingHours\": {\"MONDAY\": [{\"opens\": \"25:00\"}]}}", "{\"scopes\": [\"root\"]}"),
        Arbitraries.strings().all().ofMaxLength(300));
  }

  @Test
  void noRequestIsAServerErrorAndEveryErrorIsAProblemDetail() throws Exception {
    TestUsers.ensure(identity, "fuzz-admin", Groups.ADMINS);
    ApiClient api = new ApiClient(port);
    String admin = ApiClient.basic("fuzz-admin", TestUsers.PASSWORD);
    String key = "Bearer " + keys.create("endpoint-fuzzer-" + UUID.randomUUID().toString().substring(0, 8),
        List.of(Access.CAPTURE_SCOPE, Access.READ_SCOPE), "test").key();
    List<String> templates = new ArrayList<>();
    JSON.readTree(api.exchange("GET", "/v3/api-docs", admin, Map.of(), null).raw().body()).get("paths").fieldNames()
        .forEachRemaining(templates::add);
    templates.addAll(List.of("/reports/{x}", "/teams/{x}", "/login", "/login/session", "/actuator/{x}", "/actuator/health/{x}",
        "/engine-rest/process-definition/key/{x}/start", "/engine-rest/process-definition/{x}/submit-form", "/{x}", "/api/{x}/{x}"));
    long instances = runtime.createProcessInstanceQuery().count();

    Arbitrary<String> path = Combinators.combine(Arbitraries.of(templates), segment().list().ofSize(4),
        Arbitraries.of("", "?page=-1", "?size=100000", "?from=yesterday", "?groupBy=%3Cscript%3E", "?lastLeads=1.5", "?status=NOPE",
            "?limit=x", "?outcome=all"))
        .as((template, segments, query) -> {
          String filled = template;
          for (String segment : segments) {
            filled = filled.replaceFirst("\\{[^}]+}", segment);
          }
          return filled.replaceAll("\\{[^}]+}", "x") + query;
        });
    Arbitrary<Map<String, String>> headers = Combinators.combine(
        Arbitraries.of("application/json", "text/csv", "text/plain", "application/xml", "multipart/form-data; boundary=x", "", "*/*"),
        Arbitraries.of("application/json", "text/csv", "image/png", "text/html", "*/*", "application/problem+json"))
        .as((contentType, accept) -> {
          Map<String, String> map = new HashMap<>();
          if (!contentType.isEmpty()) {
            map.put("Content-Type", contentType);
          }
          map.put("Accept", accept);
          return map;
        });
    Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    List<Object[]> requests = new ArrayList<>();
    Fuzz.sample(Combinators.combine(method, path, headers, body(), Arbitraries.integers().between(0, 9))
        .as((m, p, h, b, who) -> new Object[] {m, p, h, b, who == 0 ? admin : key}), CASES).forEach(requests::add);
    for (Object[] request : requests) {
      @SuppressWarnings("unchecked")
      Map<String, String> requestHeaders = (Map<String, String>) request[2];
      String method1 = (String) request[0];
      String body1 = "GET".equals(method1) || "OPTIONS".equals(method1) ? null : (String) request[3];
      ApiClient.Response response;
      try {
        response = api.exchange(method1, (String) request[1], (String) request[4], requestHeaders, body1);
      } catch (IllegalArgumentException notAUri) {
        continue; // the client refuses to send it
      }
      statuses.merge(response.status(), 1, Integer::sum);
      String what = method1 + " " + request[1] + " " + requestHeaders + " -> " + response.status() + " " + response.raw().body();
      if (response.status() >= 500) {
        failures.add(what);
      } else if (response.status() >= 400 && !String.valueOf(response.header("Content-Type")).startsWith("application/problem+json")) {
        failures.add("not a problem detail: " + what);
      }
    }

    System.out.println("fuzzed requests by status: " + statuses);
    assertThat(failures).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().count()).as("no process started by hand").isEqualTo(instances);
  }
}
