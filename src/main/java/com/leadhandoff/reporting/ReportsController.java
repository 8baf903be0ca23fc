package com.leadhandoff.reporting;

import com.leadhandoff.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The closed-loop reports for sales managers, marketing and process owners. Each takes {@code from} and {@code to}
 * (inclusive dates, UTC; the last 90 days by default) and {@code groupBy}; JSON by default, CSV with
 * {@code Accept: text/csv}.
 */
@RestController
@RequestMapping(path = "/api/reports", produces = {MediaType.APPLICATION_JSON_VALUE, ReportCsvConverter.TEXT_CSV_VALUE})
@PreAuthorize(Access.REPORTS)
class ReportsController {

  private final Reports reports;
  private final Clock clock;

  /** The query parameters every report takes: {@code from}, {@code to} (inclusive dates) and {@code groupBy}. */
  record ReportParams(String from, String to, String groupBy) {
    ReportRange range(Clock clock) {
      return ReportRange.parse(from, to, LocalDate.now(clock));
    }

    Grouping grouping(Grouping fallback, boolean clocks) {
      return Grouping.parse(groupBy, fallback, clocks);
    }
  }

  ReportsController(Reports reports, Clock clock) {
    this.clock = clock;
    this.reports = reports;
  }

  @Operation(summary = "Funnel: captured, MQL, SAL, SQL, opportunity, won, with stage-to-stage conversion",
      description = "groupBy: source (default), campaign, team, accountStatus (of the account matched at capture), month, none. "
          + "Leads count by the day they were captured.")
  @GetMapping("/funnel")
  ReportTable funnel(@ParameterObject ReportParams params) {
    return reports.funnel(params.range(clock), params.grouping(Grouping.SOURCE, false));
  }

  @Operation(summary = "Speed: median and p90 business hours from assignment to accept, first contact, SQL and close",
      description = "groupBy: team (default), source, campaign, month, none.")
  @GetMapping("/speed")
  ReportTable speed(@ParameterObject ReportParams params) {
    return reports.speed(params.range(clock), params.grouping(Grouping.TEAM, false));
  }

  @Operation(summary = "System delay (capture to assignment) against rep delay (assignment to first contact)",
      description = "groupBy: team (default), source, campaign, month, none.")
  @GetMapping("/delays")
  ReportTable delays(@ParameterObject ReportParams params) {
    return reports.delays(params.range(clock), params.grouping(Grouping.TEAM, false));
  }

  @Operation(summary = "SLA compliance: clocks met on time, late, running; breaches per team, rep or month",
      description = "groupBy: team (default), rep, month, source, campaign, none. Clocks count by the day they started.")
  @GetMapping("/sla")
  ReportTable sla(@ParameterObject ReportParams params) {
    return reports.sla(params.range(clock), params.grouping(Grouping.TEAM, true));
  }

  @Operation(summary = "Rejection reasons given by sales", description = "groupBy: source (default), campaign, team, month, none.")
  @GetMapping("/rejections")
  ReportTable rejections(@ParameterObject ReportParams params) {
    return reports.rejections(params.range(clock), params.grouping(Grouping.SOURCE, false));
  }

  @Operation(summary = "Win factors and loss reasons from closed deals", description = "groupBy: none (default), source, campaign, team, month.")
  @GetMapping("/outcomes")
  ReportTable outcomes(@ParameterObject ReportParams params) {
    return reports.outcomes(params.range(clock), params.grouping(Grouping.NONE, false));
  }

  @Operation(summary = "Rules that sales rejects: rejection rate per MqlDefinition rule that made leads MQL",
      description = "groupBy: none (default), source, campaign, team, month.")
  @GetMapping("/mql-rules")
  ReportTable mqlRules(@ParameterObject ReportParams params) {
    return reports.mqlRules(params.range(clock), params.grouping(Grouping.NONE, false));
  }

  @Operation(summary = "Open SLA breaches, most overdue first, with the process instance to open in Cockpit")
  @GetMapping("/open-breaches")
  @PreAuthorize(Access.MANAGING)
  ReportTable openBreaches(@RequestParam Optional<String> team, @RequestParam Optional<String> rep) {
    return reports.openBreaches(team, rep);
  }
}
