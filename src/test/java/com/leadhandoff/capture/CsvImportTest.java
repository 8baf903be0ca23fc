package com.leadhandoff.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.Await;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.integrations.IntegrationKeys;
import com.leadhandoff.security.Access;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.security.Groups;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** CSV imports: a bad file is refused whole; a good file reports every row's result. */
@LeadHandoffTest
class CsvImportTest {

  static final String HEADER = "email,title,company,company_size,industry,country,source,campaign";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired LeadImportService imports;
  @Autowired LeadRepository leads;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;
  @Autowired IntegrationKeys keys;
  String batch;

  @BeforeEach
  void setUp() {
    TestUsers.ensure(identity, "importer", Groups.INTEGRATION);
    batch = UUID.randomUUID().toString().substring(0, 8);
  }

  /** Every import a test started is done before the next test counts leads. */
  @AfterEach
  void awaitImportsDone() {
    Await.until("every import done", Duration.ofMinutes(5),
        () -> jdbc.sql("select count(*) from import_jobs where status in ('QUEUED', 'RUNNING')").query(Long.class).single() == 0);
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

    ImportJob job = imports.start(new ByteArrayInputStream(file(rows).getBytes(StandardCharsets.UTF_8)), "importer");
    ImportJob result = awaitDone(job.id(), Duration.ofMinutes(15));
    System.out.printf("imported %d rows in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);

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
    assertThat(jdbc.sql("select count(*) from import_rows where job_id = :job and cells is not null").param("job", job.id())
        .query(Long.class).single()).as("no raw cells are kept once a row is done").isZero();
  }

  /** Polls the job's status until it is done (the import worker captures its rows in the background); then the job. */
  ImportJob awaitDone(UUID id, Duration within) {
    Await.until("import " + id + " done", within, () -> status(id).equals("DONE"));
    return imports.job(id, null).orElseThrow();
  }

  String status(UUID id) {
    return jdbc.sql("select status from import_jobs where id = :id").param("id", id).query(String.class).single();
  }

  long stored() {
    return jdbc.sql("select (select count(*) from import_jobs) + (select count(*) from import_rows)").query(Long.class).single();
  }

  @Test
  void theImportIsStartedOverHttpAndItsResultsRead() throws Exception {
    HttpResponse<String> accepted = upload((HEADER + "\n" + row(1) + "\n" + row(97) + "\n").getBytes(StandardCharsets.UTF_8), "text/csv");
    assertThat(accepted.statusCode()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    ApiClient api = new ApiClient(port);
    assertThat(accepted.body()).contains("\"totalRows\":2");
    assertThat(api.get(location, "importer", TestUsers.PASSWORD).json().get("totalRows").asInt()).isEqualTo(2);

    awaitDone(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)), Duration.ofMinutes(1));
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
    HttpResponse<String> first = upload(file(1000).getBytes(StandardCharsets.UTF_8), "text/csv");
    assertThat(first.statusCode()).as("keeps the worker busy").isEqualTo(202);
    UUID running = UUID.fromString(first.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
    Await.until("the first import running", Duration.ofMinutes(1),
        () -> !status(running).equals("QUEUED"));
    List<Integer> statuses = new java.util.ArrayList<>();
    List<UUID> waiting = new java.util.ArrayList<>(List.of(running));
    HttpResponse<String> refused = null;
    for (int i = 0; i < 11; i++) {
      long before = stored();
      HttpResponse<String> response = upload((HEADER + "\n" + row(20_000 + i) + "\n").getBytes(StandardCharsets.UTF_8), "text/csv");
      statuses.add(response.statusCode());
      response.headers().firstValue("Location").ifPresent(location -> waiting.add(UUID.fromString(location.replaceAll(".*/", ""))));
      if (response.statusCode() == 503) {
        refused = response;
        assertThat(stored()).as("a refused upload stores nothing").isEqualTo(before);
      }
    }
    waiting.forEach(id -> awaitDone(id, Duration.ofMinutes(5)));

    assertThat(statuses).containsExactly(202, 202, 202, 202, 202, 202, 202, 202, 202, 202, 503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("300");
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }

  @Test
  void aNodeReadsTwoUploadsAtOnceAndRefusesAThirdWith503() throws Exception {
    String key = "Bearer " + keys.create("slow-" + batch, List.of(Access.CAPTURE_SCOPE), "test").key();
    List<RawUpload> slow = List.of(new RawUpload(port, key), new RawUpload(port, key));
    for (RawUpload upload : slow) {
      upload.chunk("email,source\n".getBytes(StandardCharsets.UTF_8));
    }
    // a space every half second (a cell's leading spaces are trimmed): the node waits for the rest, as for a slow client
    java.util.concurrent.ScheduledExecutorService drip = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    drip.scheduleAtFixedRate(() -> slow.forEach(upload -> upload.chunk(" ".getBytes(StandardCharsets.UTF_8))), 500, 500, TimeUnit.MILLISECONDS);
    HttpResponse<String> third;
    try {
      third = Await.until("a third upload refused while two are read", Duration.ofMinutes(1), () -> {
        ApiClient.Response response = new ApiClient(port).withKey("POST", "/api/leads/import", key.substring(7),
            HEADER + "\n" + row(30_000) + "\n", Map.of("Content-Type", "text/csv"));
        return response.status() == 503 ? response.raw() : null;
      });
    } finally {
      drip.shutdown();
      drip.awaitTermination(10, TimeUnit.SECONDS);
    }

    assertThat(third.body()).contains("2 uploads are being read on this node");
    assertThat(third.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    long before = stored();
    for (RawUpload upload : slow) {
      upload.close();
    }
    // the clients gave up: their uploads stored nothing, and the node reads the next one
    Await.until("an upload accepted once the slow clients gave up", Duration.ofMinutes(1), () -> new ApiClient(port).withKey("POST",
        "/api/leads/import", key.substring(7), HEADER + "\n" + row(30_001) + "\n", Map.of("Content-Type", "text/csv")).status() == 202);
    assertThat(jdbc.sql("select count(*) from import_jobs").query(Long.class).single()).isEqualTo(
        jdbc.sql("select count(*) from import_rows where row_number = 1").query(Long.class).single());
    assertThat(stored()).as("one job of one row more").isEqualTo(before + 2);
  }

  @Test
  void aChunkedUploadOverTheLimitIs413AndStoresNothing() throws Exception {
    long before = stored();
    String response;
    try (RawUpload upload = new RawUpload(port, "Basic " + Base64.getEncoder().encodeToString(("importer:" + TestUsers.PASSWORD).getBytes()))) {
      upload.chunk("email,source,first_touch_content\n".getBytes(StandardCharsets.UTF_8));
      // rows of 60,000 characters (under the row limit): the 50 MiB limit is passed after about 900 rows
      byte[] row = ("big-" + batch + "@acme.example,import," + "x".repeat(60_000) + "\n").getBytes(StandardCharsets.UTF_8);
      Thread writer = new Thread(() -> {
        for (int i = 0; i < 1_000 && upload.chunk(row); i++) {
          // until 60 MiB are sent or the node closes the connection
        }
      });
      writer.start();
      response = upload.response();
      writer.join();
    }

    assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("larger than 52428800 bytes");
    assertThat(stored()).as("nothing of the upload is stored").isEqualTo(before);
  }

  /**
   * A chunked upload over a plain socket, to send a body slowly or past the limit: an HTTP client library stops at the
   * first write the node refused and does not read the answer the node sent before.
   */
  static final class RawUpload implements AutoCloseable {
    private final java.net.Socket socket;
    private final java.io.OutputStream out;

    RawUpload(int port, String authorization) throws java.io.IOException {
      socket = new java.net.Socket("localhost", port);
      socket.setSoTimeout(120_000);
      out = socket.getOutputStream();
      out.write(("POST /api/leads/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
          + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends one chunk; false when the node has closed the connection. */
    synchronized boolean chunk(byte[] data) {
      try {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
      } catch (java.io.IOException closed) {
        return false;
      }
    }

    /** Ends the body and reads the answer. */
    String finish() {
      chunk(new byte[0]);
      return response();
    }

    /** The node's answer, as far as it arrived before the connection closed. */
    String response() {
      java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        java.io.InputStream in = socket.getInputStream();
        for (int n; (n = in.read(buffer)) > 0 && !complete(answer.toString(StandardCharsets.UTF_8)); ) {
          answer.write(buffer, 0, n);
        }
      } catch (java.io.IOException reset) {
        // the node closed the connection after answering
      }
      return answer.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String answer) {
      return answer.contains("\r\n0\r\n\r\n");
    }

    @Override
    public void close() throws java.io.IOException {
      socket.close();
    }
  }

  @Test
  void aFileThatIsNotUtf8CsvWithAKnownHeaderIsRefusedWholeWith400() throws Exception {
    long before = leads.count();
    long storedBefore = stored();
    for (byte[] bad : List.of(
        "mail,source\nx@y.example,import\n".getBytes(StandardCharsets.UTF_8),
        "email,source,favourite_colour\nx@y.example,import,blue\n".getBytes(StandardCharsets.UTF_8),
        (HEADER + "\n" + row(1) + ",extra\n").getBytes(StandardCharsets.UTF_8),
        (HEADER + "\n" + row(1) + "\n" + row(2) + ",extra\n").getBytes(StandardCharsets.UTF_8),
        ("email,source,Email\nx@y.example,import,z@y.example\n").getBytes(StandardCharsets.UTF_8),
        ("email,source,first_touch_content\nx@y.example,import," + "x".repeat(70_000) + "\n").getBytes(StandardCharsets.UTF_8),
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
    assertThat(stored()).as("no job, no row of a refused file (a refused second row takes the first with it)").isEqualTo(storedBefore);
  }
}
