package com.leadhandoff.bench;

import com.leadhandoff.LeadHandoffApplication;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.capture.LeadSubmission;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scenario 5 (bench/README.md): what a lead waiting in the process costs: heap after a full GC and database size,
 * per lead, after N leads captured through the capture service (the API's path without HTTP) wait at their accept
 * task with SLA timers, and after N nurtured leads wait for their weekly re-check; baseline of the same run: N bare-engine instances of start -> user task.
 * Usage: bench/run memory [leads]
 */
public final class MemoryBench {

  private MemoryBench() {}

  public static void main(String[] args) throws Exception {
    int leads = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String database = BenchDatabase.fresh("lead_handoff_bench_memory");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeadHandoffApplication.class)
        .profiles("postgres").run(BenchDatabase.springArgs(database, "--camunda.bpm.job-execution.enabled=false"))) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      LeadCaptureService capture = app.getBean(LeadCaptureService.class);
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      engine.getRepositoryService().createDeployment().name("bench-minimal").addModelInstance("minimal.bpmn",
          Bpmn.createExecutableProcess("BenchMinimal").camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait")
              .camundaCandidateGroups("sales-emea").endEvent().done()).deploy();
      IntConsumer accepting = n -> capture.capture(submission("memory-" + n + "@northwind.example",
          List.of(new LeadSubmission.Activity("demo-request", null, null))), "bench");
      IntConsumer nurtured = n -> capture.capture(submission("nurtured-" + n + "@northwind.example", List.of()), "bench");
      IntConsumer bare = n -> engine.getRuntimeService().startProcessInstanceByKey("BenchMinimal", "bench-" + n);
      BenchTiming.onThreads(accepting, 1_000_000, 200);
      BenchTiming.onThreads(nurtured, 1_000_000, 200);
      BenchTiming.onThreads(bare, 1_000_000, 200); // warm-up: classes, caches, pools
      check(engine, "Task_AcceptLead", "memory-1000000@northwind.example");
      check(engine, "Gateway_NurtureEvents", "nurtured-1000000@northwind.example");

      Cost accept = measure("lead waiting at its accept task (SLA timers, audit)", accepting, leads, database, jdbc);
      Cost nurture = measure("nurtured lead (weekly re-check, expiry timer)", nurtured, leads, database, jdbc);
      Cost bareCost = measure("bare engine: start -> user task", bare, leads, database, jdbc);
      // the heap is that of the whole node after a full GC: the engine keeps no instance in memory between commands,
      // so its growth is noise around zero (it may be negative); the database holds the instances
      BenchTiming.print(List.of(leads + " waiting instances", "heap KiB per instance", "database MiB", "database KiB per instance",
          "rows per instance", "x bare"), List.of(accept.row(leads, bareCost), nurture.row(leads, bareCost), bareCost.row(leads, bareCost)));
      for (Cost cost : List.of(accept, nurture, bareCost)) {
        System.out.println(cost.name + ": rows per instance by table " + cost.rowsPerInstance(leads));
      }
      System.out.printf("BENCH memory.lead_heap_kib %s%nBENCH memory.lead_db_kib %s%nBENCH memory.nurtured_db_kib %s%n"
              + "BENCH memory.bare_heap_kib %s%nBENCH memory.bare_db_kib %s%nBENCH memory.lead_db_ratio %.2f%nBENCH memory.nurtured_db_ratio %.2f%n",
          kib(accept.heap, leads), kib(accept.database, leads), kib(nurture.database, leads), kib(bareCost.heap, leads),
          kib(bareCost.database, leads), (double) accept.database / bareCost.database, (double) nurture.database / bareCost.database);
    }
  }

  private static LeadSubmission submission(String email, List<LeadSubmission.Activity> activities) {
    return new LeadSubmission(new LeadSubmission.Contact(email, null, null, "VP Sales", null),
        new LeadSubmission.Company("Northwind", 800, "software", "DE", null), "webinar", "bench", null, null, false, null, null, activities);
  }

  /** The bench measures what it says: the warm-up's lead waits where this kind of lead should. */
  private static void check(ProcessEngine engine, String activity, String email) {
    long waiting = engine.getRuntimeService().createProcessInstanceQuery().activityIdIn(activity).count();
    if (waiting == 0) {
      throw new IllegalStateException("no lead waits at " + activity + " (the warm-up's " + email + " should)");
    }
  }

  private record Cost(String name, long heap, long database, Map<String, Long> rows) {

    String[] row(int count, Cost bare) {
      long total = rows.values().stream().mapToLong(Long::longValue).sum();
      return new String[] {name, kib(heap, count), mib(database), kib(database, count), String.format("%.1f", (double) total / count),
          String.format("%.2f", (double) database / bare.database)};
    }

    String rowsPerInstance(int count) {
      StringBuilder text = new StringBuilder();
      rows.entrySet().stream().filter(e -> e.getValue() != 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> text.append(text.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
              .append(String.format("%.1f", (double) e.getValue() / count)));
      return text.toString();
    }
  }

  /** Heap, database and row growth over n runs of the work. */
  private static Cost measure(String name, IntConsumer work, int n, String database, JdbcClient jdbc) throws Exception {
    long heap = usedHeapAfterGc();
    long size = databaseSize(jdbc, database);
    Map<String, Long> rows = BenchDatabase.rowsByTable(database);
    BenchTiming.onThreads(work, 0, n);
    Map<String, Long> grown = new TreeMap<>();
    BenchDatabase.rowsByTable(database).forEach((table, count) -> grown.put(table, count - rows.getOrDefault(table, 0L)));
    return new Cost(name, usedHeapAfterGc() - heap, databaseSize(jdbc, database) - size, grown);
  }

  private static long databaseSize(JdbcClient jdbc, String database) {
    jdbc.sql("checkpoint").update();
    return jdbc.sql("select pg_database_size(:db)").param("db", database).query(Long.class).single();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String mib(long bytes) {
    return String.format("%.1f", bytes / 1024.0 / 1024);
  }

  private static String kib(long bytes, int count) {
    return String.format("%.2f", bytes / 1024.0 / count);
  }
}
