package com.leadhandoff.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.security.Groups;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** CSV imports: a bad file is refused whole; a good file reports every row's result. */
@LeadHandoffTest
class CsvImportTest {

  static final String HEADER = "email,title,company,company_size,industry,country,source,campaign";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired LeadImportService imports;
  @Autowired LeadRepository leads;
  @Autowired RuntimeService runtime;
  String batch;

  @BeforeEach
  void setUp() {
    TestUsers.ensure(identity, "importer", Groups.INTEGRATION);
    batch = UUID.randomUUID().toString().substring(0, 8);
  }

  private HttpResponse<String> upload(byte[] csv, String contentType) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads/import"))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("importer:" + TestUsers.PASSWORD).getBytes()))
            .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Row i of the big file, and what the import must say about it (the expected table, rule by rule). */
  String row(int i) {
    String email = i % 500 == 0 ? "lead-" + batch + "-" + (i - 1) + "@acme.example" : "lead-" + batch + "-" + i + "@acme.example";
    if (i % 97 == 0) {
      email = "not-an-email-" + i;
    }
    String size = i % 997 == 0 ? "many" : String.valueOf(50 + i % 900);
    String source = i % 101 == 0 ? "billboard" : "import";
    return email + ",CTO,\"Acme " + i + ", Inc.\"," + size + ",software,DE," + source + ",spring-list";
  }

  static String expected(int i) {
    if (i % 97 == 0 || i % 101 == 0 || i % 997 == 0) {
      return "rejected";
    }
    boolean previousCreated = (i - 1) % 97 != 0 && (i - 1) % 101 != 0 && (i - 1) % 997 != 0;
    return i % 500 == 0 && previousCreated ? "merged" : "created";
  }

  String file(int rows) {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int i = 1; i <= rows; i++) {
      csv.append(row(i)).append('\n');
    }
    return csv.toString();
  }

  @Test
  void aFileOfLeadsReportsEveryRowsResultAndTheyMatchTheExpectedTable() throws Exception {
    int rows = 10_000;
    long leadsBefore = leads.count();
    long instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey("LeadLifecycle").count();
    long started = System.nanoTime();

    LeadImportService.Started job = imports.start(new ByteArrayInputStream(file(rows).getBytes(StandardCharsets.UTF_8)), "importer");
    job.done().get(30, TimeUnit.MINUTES);
    System.out.printf("imported %d rows in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);

    ImportJob result = imports.job(job.job().id(), null).orElseThrow();
    assertThat(result.status()).isEqualTo("DONE");
    assertThat(result.totalRows()).isEqualTo(rows);
    assertThat(result.processed()).isEqualTo(rows);
    assertThat(result.rows()).hasSize(rows);
    for (ImportJob.Row row : result.rows()) {
      assertThat(row.outcome()).as("row %d: %s", row.row(), row(row.row())).isEqualTo(expected(row.row()));
    }
    long created = result.rows().stream().filter(r -> r.outcome().equals("created")).count();
    assertThat(result.created()).isEqualTo(created);
    assertThat(result.merged() + result.rejected() + result.created()).isEqualTo(rows);
    assertThat(leads.count() - leadsBefore).as("one lead per created row").isEqualTo(created);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("LeadLifecycle").count() - instancesBefore).isEqualTo(created);
    assertThat(result.rows().get(96).message()).isEqualTo("contact.email is not an email address");
    assertThat(result.rows().get(100).message()).startsWith("source must be one of");
    assertThat(result.rows().get(499).leadId()).as("the duplicate email merged into row 499's lead").isEqualTo(result.rows().get(498).leadId());
  }

  @Test
  void theImportIsStartedOverHttpAndItsResultsRead() throws Exception {
    HttpResponse<String> accepted = upload((HEADER + "\n" + row(1) + "\n" + row(97) + "\n").getBytes(StandardCharsets.UTF_8), "text/csv");
    assertThat(accepted.statusCode()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    ApiClient api = new ApiClient(port);
    assertThat(api.get(location, "importer", TestUsers.PASSWORD).json().get("totalRows").asInt()).isEqualTo(2);

    imports.awaitAccepted();
    JsonNode job = api.get(location, "importer", TestUsers.PASSWORD).json();
    assertThat(job.get("status").asText()).isEqualTo("DONE");
    assertThat(job.get("created").asInt()).isEqualTo(1);
    assertThat(job.get("rejected").asInt()).isEqualTo(1);
    assertThat(api.get(location + "?outcome=rejected", "importer", TestUsers.PASSWORD).json().get("rows")).hasSize(1);
    assertThat(api.get(location + "?outcome=odd", "importer", TestUsers.PASSWORD).status()).isEqualTo(400);
    assertThat(api.get("/api/leads/import/" + UUID.randomUUID(), "importer", TestUsers.PASSWORD).status()).isEqualTo(404);
  }

  @Test
  void whenTenImportsWaitAlreadyTheNextIsRefusedWith503AndRetryAfter() throws Exception {
    assertThat(upload(file(300).getBytes(StandardCharsets.UTF_8), "text/csv").statusCode()).as("keeps the worker busy").isEqualTo(202);
    List<Integer> statuses = new java.util.ArrayList<>();
    HttpResponse<String> refused = null;
    for (int i = 0; i < 11; i++) {
      HttpResponse<String> response = upload((HEADER + "\n" + row(20_000 + i) + "\n").getBytes(StandardCharsets.UTF_8), "text/csv");
      statuses.add(response.statusCode());
      refused = response.statusCode() == 503 ? response : refused;
    }
    imports.awaitAccepted();

    assertThat(statuses).containsExactly(202, 202, 202, 202, 202, 202, 202, 202, 202, 202, 503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("300");
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }

  @Test
  void aFileThatIsNotUtf8CsvWithAKnownHeaderIsRefusedWholeWith400() throws Exception {
    long before = leads.count();
    for (byte[] bad : List.of(
        "mail,source\nx@y.example,import\n".getBytes(StandardCharsets.UTF_8),
        "email,source,favourite_colour\nx@y.example,import,blue\n".getBytes(StandardCharsets.UTF_8),
        (HEADER + "\n" + row(1) + ",extra\n").getBytes(StandardCharsets.UTF_8),
        (HEADER + "\n").getBytes(StandardCharsets.UTF_8),
        "email,source\n\"unterminated,import\n".getBytes(StandardCharsets.UTF_8),
        new byte[] {'e', 'm', 'a', 'i', 'l', ',', 's', 'o', 'u', 'r', 'c', 'e', '\n', (byte) 0xC3, (byte) 0x28, ',', 'i', '\n'},
        new byte[0])) {
      HttpResponse<String> response = upload(bad, "text/csv");
      assertThat(response.statusCode()).as(new String(bad, StandardCharsets.UTF_8)).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
    assertThat(upload("{}".getBytes(StandardCharsets.UTF_8), "application/json").statusCode()).isEqualTo(415);
    assertThat(leads.count()).isEqualTo(before);
  }
}
