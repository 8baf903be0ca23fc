package com.leadhandoff.bench;

import com.leadhandoff.LeadHandoffApplication;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.capture.LeadSubmission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scenario 2 (bench/README.md): N leads (10,000 by default) wait at their accept task; all their warnings, then all
 * their accept SLAs fall due at the same moment (the job table's due dates moved, as time travel); one node, and in
 * a copy of the same database two nodes, drain them (a tenth of the breaches first, to warm the nodes up). Prints
 * the time until every breach is recorded, breaches per second, the two-node speed-up (goal 1.6x) and checks zero
 * duplicate and zero missed breaches. With a CPU budget per node (a Linux cgroup, {@link CpuBudget}) each node gets
 * that share of a CPU of its own and the database the rest of the machine, as if each node ran on a machine of its
 * own; without one, every node and the database share all the machine's CPUs. Usage: bench/run sla-drain [leads] [CPUs per node, e.g. 0.5]
 */
public final class SlaDrainBench {

  private SlaDrainBench() {}

  public static void main(String[] args) throws Exception {
    int leads = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    double cpusPerNode = args.length > 1 ? Double.parseDouble(args[1]) : 0;
    String setup = BenchDatabase.fresh("lead_handoff_drain_setup");
    long started = System.nanoTime();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeadHandoffApplication.class)
        .profiles("postgres").run(BenchDatabase.springArgs(setup, "--camunda.bpm.job-execution.enabled=false"))) {
      LeadCaptureService capture = app.getBean(LeadCaptureService.class);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < leads; i++) {
        int n = i;
        calls.add(pool.submit(() -> capture.capture(new LeadSubmission(new LeadSubmission.Contact("drain-" + n + "@northwind.example",
            null, null, "VP Sales", null), new LeadSubmission.Company("Northwind", 800, "software", n % 2 == 0 ? "DE" : "US", null),
            "webinar", "bench", null, null, false, null, null, List.of(new LeadSubmission.Activity("demo-request", null, null))), "bench")));
      }
      for (Future<?> call : calls) {
        call.get();
      }
      pool.shutdown();
    }
    System.out.printf("%,d leads waiting at their accept task after %.0f s%n", leads, (System.nanoTime() - started) / 1e9);
    // Planner statistics as a database that has lived a while has them (autovacuum analyzes after enough changes):
    // without them PostgreSQL loaded a process's variables through the index on task_id_ (all rows, 13 ms)
    // instead of the one on execution_id_ (0.06 ms). The copies below inherit them.
    BenchDatabase.update(setup, "analyze");

    Path logs = Files.createDirectories(Path.of("target", "sla-drain"));
    double[] one = drain(setup, "lead_handoff_drain_one", 1, leads, cpusPerNode, logs);
    double[] two = drain(setup, "lead_handoff_drain_two", 2, leads, cpusPerNode, logs);
    String budget = cpusPerNode > 0 ? String.format("%.2f CPU per node", cpusPerNode) : "nodes share all CPUs";
    BenchTiming.print(List.of("SLA drain (" + leads + " leads, " + budget + ")", "warning wave s", "breach wave s", "breaches/s",
        "duplicates", "missed", "machine CPU busy", "nodes' CPU ms per breach", "PostgreSQL's CPU ms per breach",
        "rejected executions per job", "failed acquisitions per job", "acquisitions per job", "jobs"),
        List.of(row("one node", one), row("two nodes", two)));
    double speedUp = one[1] / two[1];
    System.out.printf("two nodes drain the breaches %.2fx as fast as one node (goal 1.6x)%n", speedUp);
    System.out.printf("BENCH sla_drain.cpus_per_node %.2f%n", cpusPerNode);
    String[] names = {"warning_wave_s", "breach_wave_s", "breaches_per_s", "duplicates", "missed", "cpu_busy", "node_cpu_ms_per_breach",
        "postgres_cpu_ms_per_breach", "rejected_per_job", "acquired_failure_per_job", "acquisitions_per_job", "jobs"};
    for (int i = 0; i < names.length; i++) {
      System.out.printf("BENCH sla_drain.one_node.%s %.2f%nBENCH sla_drain.two_nodes.%s %.2f%n", names[i], one[i], names[i], two[i]);
    }
    System.out.printf("BENCH sla_drain.speed_up %.2f%n", speedUp);
    if (one[3] + two[3] + one[4] + two[4] > 0) {
      System.exit(1);
    }
  }

  /**
   * A copy of the waiting leads, drained by that many nodes. The wave comes as on a Monday morning: every lead's
   * warning first (15 minutes before the SLA, in production), then every accept SLA at the same moment, so a lead's
   * two timers never fall due together. Answers: seconds of the warning wave, seconds of the breach wave (after a
   * tenth of the breaches that warm the nodes up), its breaches/s, duplicates and missed breaches (all of them), and
   * for the measured breach wave the machine's CPU busy share and the CPU milliseconds per breach of the nodes and of
   * PostgreSQL (where the time goes); and Camunda's job metrics per executed job over the whole run: executions the
   * node's full executor rejected (the job stays locked by that node meanwhile), acquisitions that lost a job to
   * another node, and acquisition rounds.
   */
  private static double[] drain(String setup, String database, int nodes, int leads, double cpusPerNode, Path logs) throws Exception {
    BenchDatabase.copy(setup, database);
    List<ClusterCrashBench.Node> started = new ArrayList<>();
    List<CpuBudget> budgets = new ArrayList<>();
    try {
      for (int i = 1; i <= nodes; i++) {
        CpuBudget budget = cpusPerNode > 0 ? CpuBudget.of("lead-handoff-bench-node-" + i, cpusPerNode) : null;
        if (budget != null) {
          budgets.add(budget);
        }
        ClusterCrashBench.Node node = ClusterCrashBench.Node.start(i, 18090 + i, database, logs, budget);
        started.add(node);
        node.awaitHealthy(Duration.ofMinutes(cpusPerNode > 0 ? 10 : 3));
      }
      double warnings = wave(database, "Timer_AcceptSlaWarning", "", () -> BenchDatabase.count(database, JOBS_OF + "'Timer_AcceptSlaWarning'") == 0);
      // Nodes that have run for a while: a tenth of the breaches first, unmeasured, so that each node's JIT compiler
      // has compiled the breach path (with a CPU budget that is a large share of a node's first minutes, and two
      // nodes pay it twice)
      int warmUp = leads / 10;
      // the waiting leads' breach timers, apart from those a re-routed lead gets
      BenchDatabase.update(database, "create table bench_breach_timers as select j.id_ from act_ru_job j join act_ru_jobdef d"
          + " on j.job_def_id_ = d.id_ where d.act_id_ = 'Timer_AcceptSlaBreached'");
      wave(database, "Timer_AcceptSlaBreached", " and act_ru_job.id_ in (select id_ from bench_breach_timers order by id_ limit " + warmUp + ")",
          () -> BenchDatabase.count(database, BREACHES) >= warmUp);
      long breachesBefore = BenchDatabase.count(database, BREACHES);

      long[] cpuBefore = BenchTiming.cpuTicks();
      Set<Long> nodePids = started.stream().map(n -> n.process().pid()).collect(Collectors.toSet());
      double nodesBefore = BenchTiming.cpuSeconds((pid, command) -> nodePids.contains(pid));
      double databaseBefore = BenchTiming.cpuSeconds(BenchTiming.POSTGRES);
      double seconds = wave(database, "Timer_AcceptSlaBreached", " and act_ru_job.id_ in (select id_ from bench_breach_timers)",
          () -> BenchDatabase.count(database, BREACHES) >= leads);
      double cpuBusy = BenchTiming.busyShare(cpuBefore, BenchTiming.cpuTicks());
      double nodesCpu = BenchTiming.cpuSeconds((pid, command) -> nodePids.contains(pid)) - nodesBefore;
      double databaseCpu = BenchTiming.cpuSeconds(BenchTiming.POSTGRES) - databaseBefore;

      // the engines report their job metrics when they stop (Camunda reports every 15 minutes otherwise)
      for (ClusterCrashBench.Node node : started) {
        node.stop();
      }
      double successful = metric(database, Metrics.JOB_SUCCESSFUL);
      long breaches = BenchDatabase.count(database, BREACHES);
      long measured = breaches - breachesBefore;
      long duplicates = BenchDatabase.count(database, "select count(*) from (select lead_id from lead_sla_breaches group by lead_id having count(*) > 1) d");
      long missed = leads - BenchDatabase.count(database, "select count(distinct lead_id) from lead_sla_breaches");
      System.out.printf("%d node(s): %d warnings in %.1f s; after %d breaches to warm up, %d breaches in %.1f s%n", nodes, leads, warnings,
          breachesBefore, measured, seconds);
      return new double[] {warnings, seconds, measured / seconds, duplicates, missed, cpuBusy, nodesCpu * 1000 / measured,
          databaseCpu * 1000 / measured, metric(database, Metrics.JOB_EXECUTION_REJECTED) / successful,
          metric(database, Metrics.JOB_ACQUIRED_FAILURE) / successful, metric(database, Metrics.JOB_ACQUISITION_ATTEMPT) / successful,
          successful};
    } finally {
      for (ClusterCrashBench.Node node : started) {
        node.kill();
      }
      for (CpuBudget budget : budgets) {
        budget.close();
      }
    }
  }

  private static final String BREACHES = "select count(*) from lead_sla_breaches";

  /** A Camunda metric, summed over every node and every job of the run (warnings, warm-up and breaches). */
  private static double metric(String database, String name) throws SQLException {
    return BenchDatabase.count(database, "select coalesce(sum(value_), 0) from act_ru_meter_log where name_ = '" + name + "'");
  }

  /** The jobs of one BPMN timer, by its id. */
  private static final String JOBS_OF =
      "select count(*) from act_ru_job j join act_ru_jobdef d on j.job_def_id_ = d.id_ where d.act_id_ = ";

  /** Makes the jobs of that timer due now (those the condition picks); answers the seconds until done holds (20 minutes at most). */
  private static double wave(String database, String timer, String condition, Callable<Boolean> done) throws Exception {
    BenchDatabase.update(database, "update act_ru_job set duedate_ = now() from act_ru_jobdef d where act_ru_job.job_def_id_ = d.id_"
        + " and d.act_id_ = '" + timer + "'" + condition);
    long start = System.nanoTime();
    long deadline = start + Duration.ofMinutes(20).toNanos();
    while (!done.call() && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static String[] row(String name, double[] figures) {
    return new String[] {name, String.format("%.1f", figures[0]), String.format("%.1f", figures[1]), String.format("%.1f", figures[2]),
        String.format("%.0f", figures[3]), String.format("%.0f", figures[4]), String.format("%.0f %%", figures[5] * 100),
        String.format("%.1f", figures[6]), String.format("%.1f", figures[7]), String.format("%.2f", figures[8]),
        String.format("%.2f", figures[9]), String.format("%.2f", figures[10]), String.format("%,.0f", figures[11])};
  }
}
