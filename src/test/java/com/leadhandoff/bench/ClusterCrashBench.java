package com.leadhandoff.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cluster crash test (bench/README.md): two app nodes (the packaged jar, as docker-compose runs it) on one fresh
 * PostgreSQL database, leads captured through both, one node killed with SIGKILL mid-load, the accept SLA (one
 * minute here, from a SlaPolicy deployed the way a process owner deploys from Camunda Modeler; the teams work
 * around the clock) falling due on the survivor. Checks and prints: every lead that got a 2xx has exactly one
 * process instance; every breach is recorded exactly once (two per lead: the first re-routes, the second
 * escalates, exactly one escalation); no job stays locked by the dead node; the survivor ran its jobs. The outbox
 * too ({@link OutboxCheck}): a webhook receiver subscribed to every event gets every message, none lost, each event
 * written once, in order per lead, including those node 2 was delivering when it died. Exits 1 if a check fails. Usage: bench/run cluster [leads]
 */
public final class ClusterCrashBench {

  static final String ADMIN = "bench-admin";
  static final String ADMIN_PASSWORD = "bench-admin-password";
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ClusterCrashBench() {}

  public static void main(String[] args) throws Exception {
    int leads = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    String database = BenchDatabase.fresh("lead_handoff_cluster");
    Path logs = Files.createDirectories(Path.of("target", "cluster"));
    List<String> failures = new ArrayList<>();
    OutboxCheck outbox = OutboxCheck.start();
    Node one = Node.start(1, 18081, database, logs);
    Node two = null;
    try {
      one.awaitHealthy(Duration.ofMinutes(3));
      two = Node.start(2, 18082, database, logs); // after the first: both would create the first admin at once
      deployOneMinuteSla(one);
      outbox.subscribe(one);
      two.awaitHealthy(Duration.ofMinutes(3));
      System.out.printf("two nodes up on ports %d and %d, database %s%n", one.port, two.port, database);

      Map<String, String> accepted = new ConcurrentHashMap<>(); // email -> lead id of every 2xx
      AtomicInteger sent = new AtomicInteger();
      AtomicInteger retriedOnSurvivor = new AtomicInteger();
      long killedAt = 0;
      Map<String, String> lockedAtKill = Map.of();
      String killedAtDb = null;
      ExecutorService clients = Executors.newFixedThreadPool(8);
      Node survivor = one;
      Node victim = two;
      // 80 % of the leads arrive at once; a minute later their SLA timers fall due together on both nodes, and node 2
      // dies in the middle of that wave, holding timer jobs, while the last 20 % of the leads arrive
      int beforeKill = leads * 4 / 5;
      for (int i = 0; i < leads; i++) {
        int n = i;
        if (i == beforeKill) {
          while (accepted.size() < beforeKill || BenchDatabase.count(database, "select count(*) from lead_sla_breaches") < beforeKill / 10) {
            Thread.sleep(100);
          }
          lockedAtKill = lockedJobs(database);
          outbox.beforeKill(database);
          victim.kill();
          killedAtDb = text(database, "select cast(now() as varchar)");
          killedAt = System.nanoTime();
          System.out.printf("killed node 2 (SIGKILL) after %d of %d leads, in the SLA wave, %d jobs locked%n", sent.get(), leads,
              lockedAtKill.size());
        }
        clients.submit(() -> capture(n, n % 2 == 0 ? survivor : victim, survivor, accepted, sent, retriedOnSurvivor));
      }
      clients.shutdown();
      clients.awaitTermination(10, TimeUnit.MINUTES);
      // every lead breaches its one-minute accept SLA twice: re-routed, then escalated
      long expectedBreaches = 2L * accepted.size();
      long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
      long breaches = 0;
      Set<String> liveOwners = new java.util.HashSet<>();
      while (System.nanoTime() < deadline) {
        // a lock that expires later than kill + lock time was taken after the kill: its owner is alive
        liveOwners.addAll(lockedJobs(database, "lock_exp_time_ > cast('" + killedAtDb + "' as timestamptz) + interval '21 seconds'").values());
        breaches = BenchDatabase.count(database, "select count(*) from lead_sla_breaches");
        if (breaches >= expectedBreaches && BenchDatabase.count(database, escalations()) >= accepted.size()) {
          break;
        }
        Thread.sleep(2000);
      }
      double recoverySeconds = (System.nanoTime() - killedAt) / 1e9;

      long withOneInstance = BenchDatabase.count(database, """
          select count(*) from (select business_key_ from act_hi_procinst where proc_def_key_ = 'LeadLifecycle'
          group by business_key_ having count(*) = 1) one""");
      long instancesOfAcceptedLeads = BenchDatabase.count(database, "select count(*) from act_hi_procinst where proc_def_key_ = 'LeadLifecycle' "
          + "and business_key_ in (" + quoted(accepted.values()) + ")");
      long duplicateBreaches = BenchDatabase.count(database, "select count(*) from (select clock_id from lead_sla_breaches group by clock_id having count(*) > 1) d");
      long leadsWithTwoBreaches = BenchDatabase.count(database, "select count(*) from (select lead_id from lead_sla_breaches group by lead_id having count(*) = 2) t");
      long escalations = BenchDatabase.count(database, escalations());
      long doubleEscalations = BenchDatabase.count(database, """
          select count(*) from (select proc_inst_id_ from act_ru_task where task_def_key_ = 'Task_EscalateToManager'
          group by proc_inst_id_ having count(*) > 1) d""");
      Thread.sleep(1000);
      long stillLockedByTheDead = BenchDatabase.count(database, "select count(*) from act_ru_job where lock_owner_ is not null and lock_exp_time_ < now()");
      Set<String> deadNodesJobs = new java.util.HashSet<>();
      lockedAtKill.forEach((job, owner) -> {
        if (!liveOwners.contains(owner)) {
          deadNodesJobs.add(job);
        }
      });
      long deadNodesJobsLeft = BenchDatabase.count(database, "select count(*) from act_ru_job where id_ in (" + quoted(deadNodesJobs) + ")");
      long failedJobs = BenchDatabase.count(database, "select count(*) from act_ru_job where retries_ = 0");

      check(failures, instancesOfAcceptedLeads == accepted.size(), "every lead that got a 2xx has exactly one process instance");
      check(failures, withOneInstance == BenchDatabase.count(database, "select count(distinct business_key_) from act_hi_procinst where proc_def_key_ = 'LeadLifecycle'"),
          "no lead has two lifecycle instances");
      check(failures, breaches == expectedBreaches && leadsWithTwoBreaches == accepted.size(), "every due breach recorded (2 per lead)");
      check(failures, duplicateBreaches == 0, "no breach recorded twice");
      check(failures, escalations == accepted.size() && doubleEscalations == 0, "exactly one escalation per lead");
      check(failures, stillLockedByTheDead == 0, "no job left locked past its lock time");
      check(failures, deadNodesJobsLeft == 0, "the survivor finished the jobs the dead node held");
      check(failures, failedJobs == 0, "no job out of retries");

      List<String[]> table = List.of(
          row("leads sent (distinct)", leads), row("requests retried on the survivor after the kill", retriedOnSurvivor.get()),
          row("leads with a 2xx", accepted.size()), row("...with exactly one lifecycle instance", instancesOfAcceptedLeads),
          row("breaches expected / recorded", expectedBreaches + " / " + breaches), row("breaches recorded twice", duplicateBreaches),
          row("escalations / double escalations", escalations + " / " + doubleEscalations),
          row("jobs locked (both nodes) when node 2 died", lockedAtKill.size()), row("...held by node 2", deadNodesJobs.size()),
          row("...of those not done at the end", deadNodesJobsLeft), row("jobs locked past their lock time", stillLockedByTheDead),
          row("jobs out of retries", failedJobs), row("seconds from the kill to the last breach", String.format("%.0f", recoverySeconds)));
      outbox.awaitDrained(database, Duration.ofMinutes(3));
      List<String[]> outboxRows = outbox.check(database, failures);
      table = new ArrayList<>(table);
      table.addAll(outboxRows);
      BenchTiming.print(List.of("cluster crash test (2 nodes, node 2 killed)", "value"), table);
      System.out.printf("BENCH cluster.leads_2xx %d%nBENCH cluster.breaches_expected %d%nBENCH cluster.breaches_recorded %d%n"
          + "BENCH cluster.duplicate_breaches %d%nBENCH cluster.recovery_seconds %.0f%n", accepted.size(), expectedBreaches, breaches,
          duplicateBreaches, recoverySeconds);
    } finally {
      outbox.stop();
      one.kill();
      if (two != null) {
        two.kill();
      }
    }
    if (!failures.isEmpty()) {
      System.out.println("FAILED: " + String.join("; ", failures) + " (node logs in target/cluster/)");
      System.exit(1);
    }
    System.out.println("cluster crash test passed");
  }

  private static String escalations() {
    return "select count(*) from act_ru_task where task_def_key_ = 'Task_EscalateToManager'";
  }

  /** One lead through the load balancer: the chosen node, or the survivor when that node does not answer. */
  private static void capture(int n, Node node, Node survivor, Map<String, String> accepted, AtomicInteger sent, AtomicInteger retried) {
    String email = "cluster-" + n + "@northwind.example";
    String key = "cluster-lead-" + n;
    String body = """
        {"contact": {"email": "%s", "title": "VP Sales"},
         "company": {"name": "Northwind %d", "size": 800, "industry": "software", "country": "DE"},
         "source": "webinar", "activities": [{"type": "demo-request"}]}""".formatted(email, n);
    sent.incrementAndGet();
    for (Node target : List.of(node, survivor)) {
      try {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(target.url("/api/leads")))
            .header("Authorization", basic()).header("Content-Type", "application/json").header("Idempotency-Key", key)
            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
          accepted.put(email, response.body().replaceAll(".*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1"));
        }
        return;
      } catch (IOException | InterruptedException unreachable) {
        if (target != survivor) {
          retried.incrementAndGet();
        }
      }
    }
  }

  /** A SlaPolicy whose every SLA is one minute, deployed through the REST API as Camunda Modeler does. */
  private static void deployOneMinuteSla(Node node) throws Exception {
    String dmn = Files.readString(Path.of("decisions", "sla-policy.dmn")).replaceAll("\"PT\\d+[HM]\"", "\"PT1M\"");
    String boundary = "bench" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsla-policy.dmn\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nbench (one-minute SLAs)\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"sla-policy.dmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + dmn + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/engine-rest/deployment/create")))
        .header("Authorization", basic()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("deploying the one-minute SlaPolicy: " + response.statusCode() + " " + response.body());
    }
  }

  /** Locked jobs: id -> lock owner (each node's job executor has its own). */
  private static Map<String, String> lockedJobs(String database) throws SQLException {
    return lockedJobs(database, "true");
  }

  private static Map<String, String> lockedJobs(String database, String condition) throws SQLException {
    Map<String, String> jobs = new java.util.HashMap<>();
    try (Connection c = BenchDatabase.connect(database); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select id_, lock_owner_ from act_ru_job where lock_owner_ is not null and " + condition)) {
      while (rs.next()) {
        jobs.put(rs.getString(1), rs.getString(2));
      }
    }
    return jobs;
  }

  private static String text(String database, String sql) throws SQLException {
    try (Connection c = BenchDatabase.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String quoted(java.util.Collection<String> values) {
    return values.isEmpty() ? "''" : String.join(",", values.stream().map(v -> "'" + v.replace("'", "") + "'").toList());
  }

  private static void check(List<String> failures, boolean ok, String what) {
    System.out.println((ok ? "ok      " : "FAILED  ") + what);
    if (!ok) {
      failures.add(what);
    }
  }

  private static String[] row(String what, Object value) {
    return new String[] {what, String.valueOf(value)};
  }

  static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** One app node: the packaged jar in its own JVM on a loopback port, its log in target/cluster/node-N.log. */
  record Node(int number, int port, Process process) {

    static Node start(int number, int port, String database, Path logs) throws IOException {
      return start(number, port, database, logs, null);
    }

    /** The node, inside that CPU budget if one is given. */
    static Node start(int number, int port, String database, Path logs, CpuBudget budget) throws IOException {
      List<String> command = new ArrayList<>(List.of("java", "-Xmx1g", "-jar", "target/lead-handoff.jar"));
      command.addAll(OutboxCheck.nodeArgs());
      command.addAll(List.of(BenchDatabase.springArgs(database,
          "--spring.profiles.active=postgres", "--server.address=127.0.0.1",
          // a crashed node's jobs come back after 20 s instead of 2 minutes, to keep the run short
          "--camunda.bpm.job-execution.lock-time-in-millis=20000",
          // the teams work around the clock here, so one-minute SLAs fall due whenever the test runs
          "--lead-handoff.teams.sales-emea.opens=00:00", "--lead-handoff.teams.sales-emea.closes=23:59",
          "--lead-handoff.teams.sales-emea.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
          "--lead-handoff.teams.sales-americas.opens=00:00", "--lead-handoff.teams.sales-americas.closes=23:59",
          "--lead-handoff.teams.sales-americas.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY")).stream()
          .map(arg -> arg.replace("--server.port=0", "--server.port=" + port)).toList());
      Process process = new ProcessBuilder(budget == null ? command : budget.wrap(command)).redirectErrorStream(true)
          .redirectOutput(logs.resolve("node-" + number + ".log").toFile()).start();
      return new Node(number, port, process);
    }

    String url(String path) {
      return "http://127.0.0.1:" + port + path;
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("node " + number + " stopped; see target/cluster/node-" + number + ".log");
        }
        try {
          // the status too: with the LAGGING mapping a node still starting (OUT_OF_SERVICE, models not yet deployed) answers 200
          HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
              HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200 && health.body().matches(".*\"status\"\\s*:\\s*\"(UP|LAGGING)\".*")) {
            return;
          }
        } catch (IOException notYet) {
          // still starting
        }
        Thread.sleep(500);
      }
      throw new IllegalStateException("node " + number + " not healthy after " + timeout);
    }

    /** SIGTERM and wait: the engine shuts down as on a deployment, and reports its metrics (act_ru_meter_log) as it does. */
    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        kill();
      }
    }

    /** SIGKILL: no shutdown hook, no graceful anything, as a crash. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
