package com.leadhandoff.bench;

import com.leadhandoff.LeadHandoffApplication;
import com.leadhandoff.sla.BusinessCalendar;
import com.leadhandoff.teams.SalesTeams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What reading the teams' calendars from the database costs an SLA (bench/README.md): a node keeps them and checks a
 * one-row version at each use. Times {@code SalesTeams.workingTime} with the version unchanged (the usual case), after a
 * change (every node rereads all teams once), and a whole 1-business-hour due date, on PostgreSQL.
 * Usage: bench/run team-calendar [calls]
 */
public final class TeamCalendarBench {

  private TeamCalendarBench() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    String database = BenchDatabase.fresh("lead_handoff_bench_team_calendar");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeadHandoffApplication.class)
        .profiles("postgres").run(BenchDatabase.springArgs(database))) {
      SalesTeams teams = app.getBean(SalesTeams.class);
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      Instant friday = Instant.parse("2026-11-27T15:30:00Z");
      double[] cached = BenchTiming.repeat(calls / 10, calls, () -> teams.workingTime("sales-emea"));
      double[] reread = BenchTiming.repeat(20, Math.max(100, calls / 20), () -> {
        jdbc.sql("update team_settings_version set version = version + 1 where id = 1").update(); // what a manager's change does
        return teams.workingTime("sales-emea");
      });
      double[] due = BenchTiming.repeat(calls / 10, calls, () -> BusinessCalendar.add(teams.workingTime("sales-emea"), friday, Duration.ofHours(1)));
      List<String[]> rows = new ArrayList<>();
      rows.add(row("workingTime, version unchanged (one primary-key read)", cached));
      rows.add(row("workingTime after a change (update + reread of every team)", reread));
      rows.add(row("a 1-business-hour due date over a weekend, calendar included", due));
      BenchTiming.print(List.of("what", "median ms", "p99 ms", "max ms"), rows);
      System.out.printf("BENCH team-calendar-cached-median-ms %.3f%n", BenchTiming.median(cached));
      System.out.printf("BENCH team-calendar-reread-median-ms %.3f%n", BenchTiming.median(reread));
      System.out.printf("BENCH team-calendar-due-date-median-ms %.3f%n", BenchTiming.median(due));
    } finally {
      BenchDatabase.drop(database);
    }
  }

  private static String[] row(String what, double[] ms) {
    double[] sorted = ms.clone();
    java.util.Arrays.sort(sorted);
    return new String[] {what, String.format("%.3f", BenchTiming.median(ms)), String.format("%.3f", sorted[(int) (sorted.length * 0.99)]),
        String.format("%.3f", BenchTiming.max(ms))};
  }
}
