package com.leadhandoff.reporting;

import com.leadhandoff.deployment.Processes;
import com.leadhandoff.sla.BusinessCalendar;
import com.leadhandoff.teams.SalesTeams;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The closed-loop figures both teams share, computed with plain SQL on the app's own tables: the lead rows with
 * their milestones, SLA clocks and breaches, and structured feedback. Durations are business hours of the
 * lead's sales team; rates are percentages with one decimal, durations hours with two, empty where nothing could convert.
 */
@Service
public class Reports {

  private final JdbcClient jdbc;
  private final SalesTeams teams;
  private final RepositoryService repository;
  private final Clock clock;
  private final RuntimeService runtime;

  public Reports(JdbcClient jdbc, SalesTeams teams, RepositoryService repository, RuntimeService runtime, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.teams = teams;
    this.repository = repository;
    this.runtime = runtime;
  }

  /** Captured -> MQL -> SAL (accepted) -> SQL -> opportunity -> won, and each step's conversion. */
  public ReportTable funnel(ReportRange range, Grouping by) {
    List<Map<String, Object>> rows = leadsQuery(by, """
        count(*), count(m.mql_at), count(m.accepted_at), count(m.sql_at), count(m.opportunity_at),
        sum(case when l.status = 'WON' then 1 else 0 end), sum(case when l.status = 'LOST' then 1 else 0 end),
        sum(case when m.closed_at is null then 1 else 0 end)""", range, (group, rs) -> {
          long captured = rs.getLong(2), mql = rs.getLong(3), sal = rs.getLong(4), sql = rs.getLong(5), opportunity = rs.getLong(6);
          long won = rs.getLong(7);
          return row("group", group, "captured", captured, "mql", mql, "sal", sal, "sql", sql, "opportunity", opportunity,
              "won", won, "lost", rs.getLong(8), "inFlight", rs.getLong(9), "capturedToMqlPct", pct(mql, captured),
              "mqlToSalPct", pct(sal, mql), "salToSqlPct", pct(sql, sal), "sqlToOpportunityPct", pct(opportunity, sql),
              "opportunityToWonPct", pct(won, opportunity), "capturedToWonPct", pct(won, captured));
        });
    return table("funnel", range, by, rows, "group", "captured", "mql", "sal", "sql", "opportunity", "won", "lost", "inFlight",
        "capturedToMqlPct", "mqlToSalPct", "salToSqlPct", "sqlToOpportunityPct", "opportunityToWonPct", "capturedToWonPct");
  }

  /** Median and 90th percentile, in business hours from assignment, to accept, first contact, SQL and close. */
  public ReportTable speed(ReportRange range, Grouping by) {
    String[] steps = {"accept", "first_contact", "sql", "close"};
    StringBuilder select = new StringBuilder();
    for (String step : steps) {
      select.append(select.isEmpty() ? "" : ", ").append(percentiles(step + "_minutes"));
    }
    List<String> columns = new ArrayList<>(List.of("group"));
    for (String step : new String[] {"toAccept", "toFirstContact", "toSql", "toClose"}) {
      columns.addAll(List.of(step + "Leads", step + "MedianHours", step + "P90Hours"));
    }
    List<Map<String, Object>> rows = leadsQuery(by, select.toString(), range, (group, rs) -> {
      Map<String, Object> row = row("group", group);
      for (int i = 0; i < 12; i++) {
        row.put(columns.get(i + 1), i % 3 == 0 ? (Object) rs.getLong(i + 2) : hours(rs.getObject(i + 2)));
      }
      return row;
    });
    return table("speed", range, by, rows, columns.toArray(String[]::new));
  }

  /** Who the wait is on: capture -> assignment is the system's, assignment -> first contact the rep's. */
  public ReportTable delays(ReportRange range, Grouping by) {
    List<Map<String, Object>> rows = leadsQuery(by, percentiles("system_minutes") + ", " + percentiles("first_contact_minutes") + """
        , sum(case when m.first_contact_minutes is not null then m.system_minutes end),
        sum(case when m.system_minutes is not null then m.first_contact_minutes end)""", range, (group, rs) -> {
          long system = rs.getLong(8), rep = rs.getLong(9);
          return row("group", group, "assignedLeads", rs.getLong(2), "systemMedianHours", hours(rs.getObject(3)),
              "systemP90Hours", hours(rs.getObject(4)), "contactedLeads", rs.getLong(5), "repMedianHours", hours(rs.getObject(6)),
              "repP90Hours", hours(rs.getObject(7)), "systemSharePct", pct(system, system + rep));
        });
    return table("delays", range, by, rows, "group", "assignedLeads", "systemMedianHours", "systemP90Hours", "contactedLeads",
        "repMedianHours", "repP90Hours", "systemSharePct");
  }

  /**
   * Per SLA: clocks started in the range, met on time, late (met late, breached, or past due and still running), stopped
   * before their due date without an answer (the lead left the step: neither on time nor late), still running, breaches
   * (open ones too) and compliance.
   */
  public ReportTable sla(ReportRange range, Grouping by) {
    String group = by.clockSql();
    List<Map<String, Object>> rows = jdbc.sql("select " + group + ", c.sla, count(*), "
        + "sum(case when c.met_at is not null and c.met_at <= c.due_at and b.id is null then 1 else 0 end), "
        + "sum(case when b.id is not null or c.met_at > c.due_at or (c.met_at is null and c.stopped_at is null and c.due_at < :now) "
        + "then 1 else 0 end), "
        + "count(b.id), sum(case when b.open then 1 else 0 end), "
        + "sum(case when c.stopped_at is not null and b.id is null then 1 else 0 end) "
        + "from lead_sla_clocks c left join lead_sla_breaches b on b.clock_id = c.id "
        + (by.clockNeedsLead() ? "join leads l on l.id = c.lead_id " : "")
        + "where c.started_at >= :from and c.started_at < :to group by " + group + ", c.sla order by 1, 2")
        .param("now", OffsetDateTime.now(clock)).param("from", range.start()).param("to", range.end())
        .query((rs, n) -> {
          long clocks = rs.getLong(3), onTime = rs.getLong(4), late = rs.getLong(5), stopped = rs.getLong(8);
          return row("group", rs.getString(1), "sla", rs.getString(2), "clocks", clocks, "withinSla", onTime, "late", late,
              "stopped", stopped, "running", clocks - onTime - late - stopped, "breaches", rs.getLong(6), "openBreaches", rs.getLong(7),
              "compliancePct", pct(onTime, onTime + late));
        }).list();
    return table("sla", range, by, rows, "group", "sla", "clocks", "withinSla", "late", "stopped", "running", "breaches",
        "openBreaches", "compliancePct");
  }

  /** Why sales rejected leads, per group: count and share of the group's rejections. */
  public ReportTable rejections(ReportRange range, Grouping by) {
    List<Map<String, Object>> rows = jdbc.sql("select " + by.leadSql() + ", f.reason, count(*) from lead_feedback f "
        + "join leads l on l.id = f.lead_id where f.kind = 'REJECTION' and l.created_at >= :from and l.created_at < :to "
        + "group by " + by.leadSql() + ", f.reason order by 1, 3 desc, 2")
        .param("from", range.start()).param("to", range.end())
        .query((rs, n) -> row("group", rs.getString(1), "reason", rs.getString(2), "rejections", rs.getLong(3))).list();
    Map<Object, Long> perGroup = new TreeMap<>();
    rows.forEach(r -> perGroup.merge(r.get("group"), (Long) r.get("rejections"), Long::sum));
    rows.forEach(r -> r.put("sharePct", pct((Long) r.get("rejections"), perGroup.get(r.get("group")))));
    return table("rejections", range, by, rows, "group", "reason", "rejections", "sharePct");
  }

  /** What made deals work (win factors) and fail (loss reasons): deals citing each, and their share of the outcome's deals. */
  public ReportTable outcomes(ReportRange range, Grouping by) {
    Map<List<String>, Long> deals = new HashMap<>();
    Map<List<String>, Long> citations = new HashMap<>();
    jdbc.sql("select " + by.leadSql() + ", f.kind, f.factors from lead_feedback f join leads l on l.id = f.lead_id "
        + "where f.kind in ('WIN', 'LOSS') and l.created_at >= :from and l.created_at < :to")
        .param("from", range.start()).param("to", range.end())
        .query(rs -> {
          String outcome = "WIN".equals(rs.getString(2)) ? "WON" : "LOST";
          deals.merge(List.of(rs.getString(1), outcome), 1L, Long::sum);
          String factors = rs.getString(3);
          for (String factor : factors == null || factors.isBlank() ? new String[] {"(none given)"} : factors.split(",")) {
            citations.merge(List.of(rs.getString(1), outcome, factor.trim()), 1L, Long::sum);
          }
        });
    List<Map<String, Object>> rows = new ArrayList<>();
    citations.forEach((key, count) -> rows.add(row("group", key.get(0), "outcome", key.get(1), "factor", key.get(2), "deals", count,
        "sharePct", pct(count, deals.get(key.subList(0, 2))))));
    // within a group and outcome, the most cited factor first
    rows.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("group"))
        .thenComparing(r -> (String) r.get("outcome"))
        .thenComparing(r -> (Long) r.get("deals"), Comparator.reverseOrder())
        .thenComparing(r -> (String) r.get("factor")));
    return table("outcomes", range, by, rows, "group", "outcome", "factor", "deals", "sharePct");
  }

  /** Per MqlDefinition rule that made leads MQL: how many sales accepted and rejected, to tune the agreed criteria. */
  public ReportTable mqlRules(ReportRange range, Grouping by) {
    Map<String, String> descriptions = mqlRuleDescriptions();
    List<Map<String, Object>> rows = jdbc.sql("select " + by.leadSql() + ", coalesce(m.mql_rule, '(unknown)'), count(*), "
        + "count(m.accepted_at), count(m.rejected_at) from leads l join lead_milestones m on m.lead_id = l.id where m.mql_at is not null "
        + "and l.created_at >= :from and l.created_at < :to group by " + by.leadSql() + ", m.mql_rule order by 1, 2")
        .param("from", range.start()).param("to", range.end())
        .query((rs, n) -> {
          long mql = rs.getLong(3), rejected = rs.getLong(5);
          return row("group", rs.getString(1), "rule", rs.getString(2), "ruleDescription", descriptions.get(rs.getString(2)),
              "mql", mql, "accepted", rs.getLong(4), "rejected", rejected, "rejectionRatePct", pct(rejected, mql));
        }).list();
    return table("mql-rules", range, by, rows, "group", "rule", "ruleDescription", "mql", "accepted", "rejected", "rejectionRatePct");
  }

  /** SLA breaches not yet resolved, most overdue first, with how late they are now and the process instance to open. */
  public ReportTable openBreaches(Optional<String> team, Optional<String> rep) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Map<String, Object>> rows = jdbc.sql("""
        select b.lead_id, l.first_name, l.last_name, l.company_name, b.sla, b.team, b.assignee, b.due_at, b.breached_at
        from lead_sla_breaches b join leads l on l.id = b.lead_id
        where b.open and b.team = coalesce(:team, b.team) and coalesce(b.assignee, '') = coalesce(:rep, b.assignee, '')
        order by b.due_at, b.id""")
        .param("team", team.orElse(null), java.sql.Types.VARCHAR).param("rep", rep.orElse(null), java.sql.Types.VARCHAR)
        .query((rs, n) -> {
          UUID lead = rs.getObject(1, UUID.class);
          String sla = rs.getString(5), teamId = rs.getString(6);
          OffsetDateTime due = rs.getObject(8, OffsetDateTime.class);
          Object late = teams.teams().containsKey(teamId)
              ? hours(BusinessCalendar.between(teams.workingTime(teamId), due.toInstant(), now.toInstant()).toMinutes()) : null;
          return row("leadId", lead, "lead", name(rs.getString(2), rs.getString(3), rs.getString(4)), "sla", sla, "team", teamId,
              "rep", rs.getString(7), "dueAt", due, "breachedAt", rs.getObject(9, OffsetDateTime.class), "lateBusinessHours", late,
              "processInstanceId", processInstance(lead, sla));
        }).list();
    ReportRange today = new ReportRange(now.toLocalDate(), now.toLocalDate());
    return table("open-breaches", today, Grouping.NONE, rows, "leadId", "lead", "sla", "team", "rep", "dueAt", "breachedAt",
        "lateBusinessHours", "processInstanceId");
  }

  private interface GroupRow {
    Map<String, Object> map(String group, java.sql.ResultSet rs) throws java.sql.SQLException;
  }

  private List<Map<String, Object>> leadsQuery(Grouping by, String aggregates, ReportRange range, GroupRow mapper) {
    return jdbc.sql("select " + by.leadSql() + ", " + aggregates + " from leads l left join lead_milestones m on m.lead_id = l.id "
        + "where l.created_at >= :from and l.created_at < :to "
        + "group by " + by.leadSql() + " order by 1")
        .param("from", range.start()).param("to", range.end())
        .query((rs, n) -> mapper.map(rs.getString(1), rs)).list();
  }

  private static String percentiles(String column) {
    return "count(m." + column + "), percentile_cont(0.5) within group (order by m." + column + "), "
        + "percentile_cont(0.9) within group (order by m." + column + ")";
  }

  private String processInstance(UUID lead, String sla) {
    String process = "FIRST_CONTACT".equals(sla) ? Processes.SALES_FOLLOW_UP : Processes.LEAD_LIFECYCLE;
    return runtime.createProcessInstanceQuery().processDefinitionKey(process).processInstanceBusinessKey(lead.toString())
        .listPage(0, 1).stream().map(ProcessInstance::getId).findFirst().orElse(null);
  }

  private Map<String, String> mqlRuleDescriptions() {
    Map<String, String> descriptions = new TreeMap<>();
    DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("MqlDefinition").latestVersion()
        .singleResult();
    if (latest != null) {
      for (Rule rule : repository.getDmnModelInstance(latest.getId()).getModelElementsByType(Rule.class)) {
        if (rule.getDescription() != null) {
          descriptions.put(rule.getId(), rule.getDescription().getTextContent().trim());
        }
      }
    }
    return descriptions;
  }

  private static ReportTable table(String name, ReportRange range, Grouping by, List<Map<String, Object>> rows, String... columns) {
    return new ReportTable(name, range.from(), range.to(), by.label(), List.of(columns), rows);
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  private static String name(String first, String last, String company) {
    String person = String.join(" ", first == null ? "" : first, last == null ? "" : last).trim();
    return company == null ? person : person.isEmpty() ? company : person + " (" + company + ")";
  }

  static Double pct(long part, long whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
  }

  /** Minutes as hours with two decimals (0.01 h is 36 seconds). */
  static Double hours(Object minutes) {
    return minutes == null ? null : Math.round(((Number) minutes).doubleValue() / 0.6) / 100.0;
  }
}
