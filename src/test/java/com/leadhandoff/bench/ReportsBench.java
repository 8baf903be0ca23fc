package com.leadhandoff.bench;

import com.leadhandoff.LeadHandoffApplication;
import com.leadhandoff.reporting.ReportRange;
import com.leadhandoff.reporting.ReportTable;
import com.leadhandoff.reporting.Reports;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scenario 4 (bench/README.md): every report on 1,000,000 bulk-generated leads in a fresh PostgreSQL database,
 * against the baseline of the same run: one full count of the leads table. Prints a table and one
 * {@code BENCH name value} line per figure. Usage: bench/run reports [leads]
 */
public final class ReportsBench {

  private ReportsBench() {}

  public static void main(String[] args) throws Exception {
    int leads = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String database = BenchDatabase.fresh("lead_handoff_bench_reports");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeadHandoffApplication.class)
        .profiles("postgres")
        .run(BenchDatabase.springArgs(database, "--camunda.bpm.job-execution.enabled=false"))) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      long started = System.nanoTime();
      BenchData.generate(jdbc, leads);
      System.out.printf("generated %,d leads with clocks, breaches and feedback in %.1f s%n", leads, (System.nanoTime() - started) / 1e9);

      Reports reports = app.getBean(Reports.class);
      ReportRange year = ReportRange.parse("2026-01-01", "2026-12-31", null);
      ReportRange quarter = ReportRange.parse("2026-10-01", "2026-12-31", null);
      Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
      queries.put("baseline: count(*) of leads", () -> jdbc.sql("select count(*) from leads").query(Long.class).single());
      for (String by : List.of("source", "campaign", "team", "month")) {
        queries.put("funnel by " + by + " (year)", () -> reports.funnel(year, grouping(by)));
      }
      queries.put("funnel by campaign (quarter)", () -> reports.funnel(quarter, grouping("campaign")));
      queries.put("speed by team (year)", () -> reports.speed(year, grouping("team")));
      queries.put("delays by team (year)", () -> reports.delays(year, grouping("team")));
      queries.put("sla by team (year)", () -> reports.sla(year, grouping("team")));
      queries.put("sla by rep (year)", () -> reports.sla(year, grouping("rep")));
      queries.put("sla by month (year)", () -> reports.sla(year, grouping("month")));
      queries.put("sla by source (year)", () -> reports.sla(year, grouping("source")));
      queries.put("rejections by campaign (year)", () -> reports.rejections(year, grouping("campaign")));
      queries.put("outcomes (year)", () -> reports.outcomes(year, grouping("none")));
      queries.put("mql-rules (year)", () -> reports.mqlRules(year, grouping("none")));
      queries.put("open-breaches", () -> reports.openBreaches(Optional.of("sales-emea"), Optional.empty()));

      List<String[]> table = new ArrayList<>();
      double baseline = 0;
      for (Map.Entry<String, Supplier<Object>> query : queries.entrySet()) {
        double[] ms = BenchTiming.repeat(2, 5, query.getValue());
        double median = BenchTiming.median(ms);
        if (baseline == 0) {
          baseline = median;
        }
        Object result = query.getValue().get();
        int rows = result instanceof ReportTable t ? t.rows().size() : 1;
        table.add(new String[] {query.getKey(), String.valueOf(rows), String.format("%.0f", median),
            String.format("%.0f", BenchTiming.max(ms)), String.format("%.1f", median / baseline), median < 1000 ? "yes" : "NO"});
        String name = "reports." + query.getKey().replaceAll("[^a-z]+", "_").replaceAll("^_|_$", "");
        System.out.printf("BENCH %s.median_ms %.1f%nBENCH %s.ratio_to_count %.2f%n", name, median, name, median / baseline);
      }
      BenchTiming.print(List.of("query (" + String.format("%,d", leads) + " leads)", "rows", "median ms", "max ms", "x count(*)",
          "< 1 s"), table);
    }
  }

  private static com.leadhandoff.reporting.Grouping grouping(String name) {
    return com.leadhandoff.reporting.Grouping.valueOf(name.toUpperCase());
  }
}
