package com.leadhandoff.bench;

import com.leadhandoff.LeadHandoffApplication;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.capture.LeadSubmission;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scenario 5 (bench/README.md): what a lead waiting in the process costs: heap after a full GC and database size,
 * per lead, after N leads captured through the capture service (the API's path without HTTP) wait at their accept
 * task with SLA timers; baseline of the same run: N bare-engine instances of start -> user task.
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
      IntConsumer lead = n -> capture.capture(new LeadSubmission(new LeadSubmission.Contact("memory-" + n + "@northwind.example", null, null,
          "VP Sales", null), new LeadSubmission.Company("Northwind", 800, "software", "DE", null), "webinar", "bench", null, null, false,
          null, null, List.of(new LeadSubmission.Activity("demo-request", null, null))), "bench");
      IntConsumer bare = n -> engine.getRuntimeService().startProcessInstanceByKey("BenchMinimal", "bench-" + n);
      run(lead, 1_000_000, 200);
      run(bare, 1_000_000, 200); // warm-up: classes, caches, pools

      long[] leadCost = measure(lead, leads, jdbc, database);
      long[] bareCost = measure(bare, leads, jdbc, database);
      // the heap is that of the whole node after a full GC: the engine keeps no instance in memory between commands,
      // so its growth is noise around zero (it may be negative); the database holds the instances
      BenchTiming.print(List.of(leads + " waiting instances", "heap growth MiB", "heap KiB per instance", "database MiB",
          "database KiB per instance"), List.of(
          new String[] {"lead (lifecycle at the accept task, SLA timers, audit)", mib(leadCost[0]), kib(leadCost[0], leads), mib(leadCost[1]),
              kib(leadCost[1], leads)},
          new String[] {"bare engine: start -> user task", mib(bareCost[0]), kib(bareCost[0], leads), mib(bareCost[1]), kib(bareCost[1], leads)}));
      System.out.printf("a lead takes %.1fx the database space of a bare instance%n", (double) leadCost[1] / bareCost[1]);
      System.out.printf("BENCH memory.lead_heap_kib %s%nBENCH memory.lead_db_kib %s%nBENCH memory.bare_heap_kib %s%nBENCH memory.bare_db_kib %s%n",
          kib(leadCost[0], leads), kib(leadCost[1], leads), kib(bareCost[0], leads), kib(bareCost[1], leads));
    }
  }

  /** Heap and database growth, in bytes, over n runs of the work. */
  private static long[] measure(IntConsumer work, int n, JdbcClient jdbc, String database) throws Exception {
    long heap = usedHeapAfterGc();
    long size = databaseSize(jdbc, database);
    run(work, 0, n);
    return new long[] {usedHeapAfterGc() - heap, databaseSize(jdbc, database) - size};
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

  private static void run(IntConsumer work, int first, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = first + i;
      calls.add(pool.submit(() -> work.accept(n)));
    }
    for (Future<?> call : calls) {
      call.get();
    }
    pool.shutdown();
  }

  private static String mib(long bytes) {
    return String.format("%.1f", bytes / 1024.0 / 1024);
  }

  private static String kib(long bytes, int count) {
    return String.format("%.2f", bytes / 1024.0 / count);
  }
}
