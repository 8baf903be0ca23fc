package com.leadhandoff.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.Await;
import com.leadhandoff.operations.PostgresDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (each its own JVM) on one fresh PostgreSQL database: an import uploaded to node A, A killed with SIGKILL
 * while it holds a chunk half done, node B finishes the import: every row exactly once (one lead and one lifecycle
 * instance per created row, an outcome for every row), no raw cells left, the job DONE.
 */
class ImportOnTwoNodesIT {

  static final String ADMIN = "test-admin";
  static final String ADMIN_PASSWORD = "test-admin-password";
  static final int ROWS = 800;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  final List<Process> nodes = new ArrayList<>();
  final Map<String, Object> database = new HashMap<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (Process node : nodes) {
      node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aNodeKilledMidChunkLeavesItsChunkToTheOtherWhichImportsEveryRowExactlyOnce() throws Exception {
    PostgresDatabase.fresh("import_lead_import_it", (name, value) -> database.put(name, value.get()));
    String batch = UUID.randomUUID().toString().substring(0, 8);
    Process a = node("a", 18471);
    awaitHealthy(a, 18471);
    Process b = node("b", 18472); // after the first: both would create the first administrator at once
    awaitHealthy(b, 18472);

    StringBuilder csv = new StringBuilder("email,title,company,company_size,industry,country,source\n");
    for (int i = 1; i <= ROWS; i++) {
      // every 40th row is the previous row's email again (merged), every 37th has an unknown source (rejected)
      String email = "two-nodes-" + batch + "-" + (i % 40 == 0 ? i - 1 : i) + "@acme.example";
      csv.append(email).append(",CTO,Acme ").append(i).append(",800,software,DE,").append(i % 37 == 0 ? "billboard" : "import").append('\n');
    }
    HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18471/api/leads/import"))
        .header("Authorization", basic()).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String job = new ObjectMapper().readTree(accepted.body()).get("id").asText();

    // a chunk node A holds, with rows done and rows to do: kill A there
    String ownerA = a.pid() + "@%";
    String halfDoneByA = """
        select count(*) from import_chunks c where c.job_id = '%s' and c.lease_owner like '%s'
          and (select count(*) from import_rows r where r.job_id = c.job_id and r.row_number between c.first_row and c.last_row
               and r.outcome is not null) between 10 and 40""".formatted(job, ownerA);
    Await.until("node A halfway through a chunk", Duration.ofMinutes(3), () -> count(halfDoneByA) > 0);
    a.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    long doneAtKill = count("select count(*) from import_rows where job_id = '" + job + "' and outcome is not null");
    assertThat(count(halfDoneByA)).as("A died holding a chunk half done").isEqualTo(1);
    assertThat(doneAtKill).isBetween(1L, ROWS - 1L);

    // the database, not the API, is polled: every HTTP Basic request costs node B a bcrypt
    Await.until("node B finishes the import", Duration.ofMinutes(5),
        () -> count("select count(*) from import_jobs where id = '" + job + "' and status = 'DONE'") == 1);
    JsonNode done = importJob(18472, job);

    long created = done.get("created").asLong();
    assertThat(done.get("totalRows").asInt()).isEqualTo(ROWS);
    assertThat(done.get("processed").asInt()).isEqualTo(ROWS);
    assertThat(created + done.get("merged").asLong() + done.get("rejected").asLong()).isEqualTo(ROWS);
    assertThat(done.get("rejected").asLong()).isEqualTo(ROWS / 37);
    assertThat(count("select count(*) from import_rows where job_id = '" + job + "' and outcome is not null")).isEqualTo(ROWS);
    assertThat(count("select count(*) from import_rows where job_id = '" + job + "' and cells is not null")).as("raw cells left").isZero();
    assertThat(count("select count(*) from import_chunks where job_id = '" + job + "'")).isZero();
    String leads = "from leads where email like 'two-nodes-" + batch + "-%'";
    assertThat(count("select count(*) " + leads)).as("one lead per created row").isEqualTo(created);
    assertThat(count("select count(distinct email) " + leads)).as("no email twice").isEqualTo(created);
    assertThat(count("select count(*) from act_hi_procinst where proc_def_key_ = 'LeadLifecycle' and business_key_ in (select cast(id as varchar) "
        + leads + ")")).as("one lifecycle instance per lead").isEqualTo(created);
    assertThat(count("select count(distinct lead_id) from import_rows where job_id = '" + job + "' and outcome = 'created'")).isEqualTo(created);
    System.out.printf("node A killed after %d of %d rows; node B finished: %d created, %d merged, %d rejected%n", doneAtKill, ROWS, created,
        done.get("merged").asLong(), done.get("rejected").asLong());
  }

  /** A node of the application in a JVM of its own (the test classpath, the test profile), on the shared database. */
  private Process node(String name, int port) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
        // an empty entry (the failsafe JVM's class path ends with one) would be the working directory: the models twice
        "-cp", java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).filter(entry -> !entry.isBlank())
            .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)), "com.leadhandoff.LeadHandoffApplication",
        "--spring.profiles.active=test", "--server.port=" + port, "--server.address=127.0.0.1",
        // a short lease keeps the test short; chunks small enough that both nodes get some
        "--lead-handoff.imports.lease=PT10S", "--lead-handoff.imports.chunk-size=50", "--lead-handoff.imports.poll-interval=PT0.5S"));
    database.forEach((setting, value) -> command.add("--" + setting + "=" + value));
    Path log = Files.createDirectories(Path.of("target", "import-it")).resolve("node-" + name + ".log");
    Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    nodes.add(node);
    return node;
  }

  private static void awaitHealthy(Process node, int port) {
    Await.until("node on port " + port + " healthy (log in target/import-it)", Duration.ofMinutes(4), () -> {
      assertThat(node.isAlive()).as("node on port " + port + " running (log in target/import-it)").isTrue();
      try {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        return health.statusCode() == 200 && health.body().contains("\"UP\"");
      } catch (IOException notYet) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    });
  }

  private static JsonNode importJob(int port, String job) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/leads/import/" + job))
          .header("Authorization", basic()).build(), HttpResponse.BodyHandlers.ofString());
      return new ObjectMapper().readTree(response.body());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private long count(String sql) {
    try (Connection c = DriverManager.getConnection((String) database.get("spring.datasource.url"),
        (String) database.get("spring.datasource.username"), (String) database.get("spring.datasource.password"));
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
