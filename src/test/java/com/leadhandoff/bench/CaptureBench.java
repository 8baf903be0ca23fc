package com.leadhandoff.bench;

import com.leadhandoff.integrations.IntegrationKeys;
import com.leadhandoff.LeadHandoffApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scenario 1 (bench/README.md): leads per second and p50/p99 latency through {@code POST /api/leads} with N
 * concurrent clients (validation, de-duplication, 8 decisions with their audit, process start, user task, SLA
 * timers), against two baselines of the same run on the same fresh PostgreSQL database: the bare engine starting
 * a minimal process (start -> user task) through the Java API with N threads, and pgbench's single-row inserts
 * (the database's commit limit). Capture and bare engine alternate in five rounds; the ratio is the median of the
 * rounds' ratios. Usage: bench/run capture [leads] [clients]
 */
public final class CaptureBench {

  private CaptureBench() {}

  public static void main(String[] args) throws Exception {
    int leads = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    String database = BenchDatabase.fresh("lead_handoff_bench_capture");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeadHandoffApplication.class)
        .profiles("postgres").run(BenchDatabase.springArgs(database))) {
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      HttpClient http = HttpClient.newHttpClient();
      // an integration key, as integrations send leads (HTTP Basic would run bcrypt at every request)
      String auth = "Bearer " + app.getBean(IntegrationKeys.class).create("bench-" + java.util.UUID.randomUUID().toString().substring(0, 8),
          java.util.List.of("capture"), "bench").key();

      IntConsumer capture = n -> {
        try {
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/leads"))
              .header("Authorization", auth).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                  {"contact": {"email": "bench-%d@northwind.example", "title": "VP Sales"},
                   "company": {"name": "Northwind %d", "size": 800, "industry": "software", "country": "DE"},
                   "source": "webinar", "campaign": "bench", "activities": [{"type": "demo-request"}]}""".formatted(n, n))).build(),
              HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() != 201) {
            throw new IllegalStateException("lead " + n + ": " + response.statusCode() + " " + response.body());
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      };
      engine.getRepositoryService().createDeployment().name("bench-minimal").addModelInstance("minimal.bpmn",
          Bpmn.createExecutableProcess("BenchMinimal").camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait")
              .camundaCandidateGroups("sales-emea").endEvent().done()).deploy();
      IntConsumer bare = n -> engine.getRuntimeService().startProcessInstanceByKey("BenchMinimal", "bench-" + n);

      int warmUp = Math.min(200, leads / 10);
      run(capture, WARM_UP, warmUp, clients); // warm-up: JIT, caches, connection pool
      run(bare, WARM_UP, warmUp, clients);
      // Side by side: rounds that alternate the two, so that a machine that slows down or speeds up during the run
      // (other tenants, CPU frequency) moves both alike; the ratio is the median of the rounds' ratios.
      List<Double> captureMs = new ArrayList<>();
      List<Double> bareMs = new ArrayList<>();
      double[] ratios = new double[ROUNDS];
      double captureSeconds = 0;
      double bareSeconds = 0;
      long captureRows = 0;
      long bareRows = 0;
      double[] captureCpu = new double[2];
      double[] bareCpu = new double[2];
      int perRound = leads / ROUNDS;
      double measured = ROUNDS * perRound;
      for (int round = 0; round < ROUNDS; round++) {
        long rowsBefore = BenchDatabase.rows(database);
        double[] cpuBefore = cpu();
        double captured = run(capture, round * perRound, perRound, clients, captureMs);
        add(captureCpu, cpuBefore, cpu());
        long rowsBetween = BenchDatabase.rows(database);
        cpuBefore = cpu();
        double started = run(bare, round * perRound, perRound, clients, bareMs);
        add(bareCpu, cpuBefore, cpu());
        captureRows += rowsBetween - rowsBefore;
        bareRows += BenchDatabase.rows(database) - rowsBetween;
        captureSeconds += captured;
        bareSeconds += started;
        ratios[round] = started / captured; // (perRound / captured) / (perRound / started)
      }
      double ratio = BenchTiming.median(ratios);
      double captureRate = measured / captureSeconds;
      double bareRate = measured / bareSeconds;
      // what each instance leaves in the database (engine runtime and history, the app's tables): the work per lead
      double rowsPerLead = captureRows / measured;
      double rowsPerBare = bareRows / measured;
      // CPU per lead is what the ratio comes down to, and it drifts less than a rate on a shared machine
      double[] captureCpuMs = {captureCpu[0] * 1000 / measured, captureCpu[1] * 1000 / measured};
      double[] bareCpuMs = {bareCpu[0] * 1000 / measured, bareCpu[1] * 1000 / measured};
      double pgbench = pgbench(database, clients);

      BenchTiming.print(List.of("capture (" + leads + " each, " + clients + " clients)", "per second", "p50 ms", "p99 ms", "capture / this",
              "rows stored each", "CPU ms each: JVM / PostgreSQL"),
          List.of(
              new String[] {"POST /api/leads (full path)", String.format("%.1f", captureRate), pct(captureMs, 50), pct(captureMs, 99), "1.00",
                  String.format("%.1f", rowsPerLead),
                  String.format("%.1f / %.1f", captureCpuMs[0], captureCpuMs[1])},
              new String[] {"bare engine: start -> user task (Java API)", String.format("%.1f", bareRate), pct(bareMs, 50), pct(bareMs, 99),
                  String.format("%.3f", ratio), String.format("%.1f", rowsPerBare),
                  String.format("%.1f / %.1f", bareCpuMs[0], bareCpuMs[1])},
              new String[] {"pgbench single-row insert (tps)", String.format("%.0f", pgbench), "", "",
                  pgbench > 0 ? String.format("%.3f", captureRate / pgbench) : "n/a", "1", ""}));
      System.out.printf("BENCH capture.leads_per_s %.1f%nBENCH capture.p50_ms %s%nBENCH capture.p99_ms %s%nBENCH capture.bare_engine_per_s %.1f%n"
          + "BENCH capture.ratio_to_bare_engine %.3f%nBENCH capture.pgbench_tps %.0f%nBENCH capture.rows_per_lead %.1f%n"
          + "BENCH capture.rows_per_bare_instance %.1f%n", captureRate, pct(captureMs, 50), pct(captureMs, 99), bareRate, ratio,
          pgbench, rowsPerLead, rowsPerBare);
      System.out.printf("BENCH capture.jvm_cpu_ms_per_lead %.2f%nBENCH capture.postgres_cpu_ms_per_lead %.2f%n"
          + "BENCH capture.jvm_cpu_ms_per_bare_instance %.2f%nBENCH capture.postgres_cpu_ms_per_bare_instance %.2f%n",
          captureCpuMs[0], captureCpuMs[1], bareCpuMs[0], bareCpuMs[1]);
      System.out.printf("ratio per round (capture rate / bare engine rate): %s%n",
          String.join(", ", Arrays.stream(ratios).mapToObj(r -> String.format("%.3f", r)).toList()));
      System.out.println(ratio >= 0.4 ? "goal met: capture >= 40 % of the bare engine" : "goal missed: capture < 40 % of the bare engine");
    }
  }

  /** Numbers of the warm-up's leads, apart from the measured ones. */
  static final int WARM_UP = 10_000_000;

  /**
   * CPU seconds used so far by this JVM (the app, and for the capture the benchmark's HTTP clients too) and by
   * PostgreSQL.
   */
  private static double[] cpu() throws java.io.IOException {
    long self = ProcessHandle.current().pid();
    return new double[] {BenchTiming.cpuSeconds((pid, command) -> pid == self),
        BenchTiming.cpuSeconds(BenchTiming.POSTGRES)};
  }

  private static void add(double[] sum, double[] before, double[] after) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += after[i] - before[i];
    }
  }

  /** Rounds of capture and bare engine, alternating. */
  private static final int ROUNDS = 5;

  /** Runs work(first + i) for i in [0, count) on the given number of threads; answers the wall time in seconds. */
  private static double run(IntConsumer work, int first, int count, int threads) throws Exception {
    return run(work, first, count, threads, new ArrayList<>());
  }

  /** The same, adding each call's latency in ms to latencies. */
  private static double run(IntConsumer work, int first, int count, int threads, List<Double> latencies) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Double>> calls = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      int n = first + i;
      calls.add(pool.submit(() -> {
        long t = System.nanoTime();
        work.accept(n);
        return (System.nanoTime() - t) / 1e6;
      }));
    }
    for (Future<Double> call : calls) {
      latencies.add(call.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return seconds;
  }

  private static String pct(List<Double> latencies, int percentile) {
    double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return String.format("%.1f", sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)]);
  }

  /** pgbench: single-row inserts with the same number of clients for 10 s; 0 if pgbench is not installed. */
  private static double pgbench(String database, int clients) throws Exception {
    Path script = Files.createTempFile("pgbench-insert", ".sql");
    Files.writeString(script, "insert into bench_insert (v) values (1);\n");
    new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", BenchDatabase.USER, "-d", database, "-qc",
        "create table if not exists bench_insert (id bigserial primary key, v int)").inheritIO().start().waitFor();
    Process pgbench;
    try {
      pgbench = new ProcessBuilder("pgbench", "-n", "-h", "127.0.0.1", "-U", BenchDatabase.USER, "-c", String.valueOf(clients), "-j", "2",
          "-T", "10", "-f", script.toString(), database).redirectErrorStream(true).start();
    } catch (java.io.IOException notInstalled) {
      return 0;
    }
    String output = new String(pgbench.getInputStream().readAllBytes());
    pgbench.waitFor();
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
    return tps.find() ? Double.parseDouble(tps.group(1)) : 0;
  }
}
