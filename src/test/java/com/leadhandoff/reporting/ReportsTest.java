package com.leadhandoff.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.security.Groups;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Every report on one small data set, March 2031 (no other test captures leads then), with the expected
 * figures worked out by hand in the tables below. Medians and 90th percentiles interpolate between the two
 * nearest values (PERCENTILE_CONT): p90 of 30, 60, 120 minutes is at position 0.9 x 2 = 1.8, 60 + 0.8 x 60 = 108.
 */
@LeadHandoffTest
class ReportsTest {

  /**
   * The leads: x marks a milestone reached (MQL, accepted = SAL, rejected, first contact, SQL, opportunity,
   * closed); the minutes are business minutes of each step (system = capture to assignment; the others from
   * assignment); rule is the MqlDefinition rule that made the lead MQL.
   */
  static final String LEADS = """
      lead | captured             | source      | campaign       | team           | status       | mql | sal | rej | contact | sql | opp | closed | system | accept | contactMin | sqlMin | closeMin | rule
      L1   | 2031-03-03T08:00:00Z | webinar     | spring-webinar | sales-emea     | WON          | x   | x   |     | x       | x   | x   | x      | 6      | 60     | 120        | 480    | 2400     | MqlDefinition_FitAEngaged
      L2   | 2031-03-04T08:00:00Z | webinar     | spring-webinar | sales-emea     | LOST         | x   | x   |     | x       | x   | x   | x      | 18     | 120    | 240        | 960    | 4800     | MqlDefinition_FitAEngaged
      L3   | 2031-03-05T08:00:00Z | webinar     | spring-webinar | sales-emea     | NURTURING    | x   |     | x   |         |     |     |        | 12     |        |            |        |          | MqlDefinition_FitBEngaged
      L4   | 2031-03-06T08:00:00Z | webinar     |                | sales-americas | ACCEPTED     | x   | x   |     |         |     |     |        | 30     | 240    |            |        |          | MqlDefinition_FitBEngaged
      L5   | 2031-03-09T08:00:00Z | paid-search | q1-search      | sales-americas | DISQUALIFIED | x   |     | x   |         |     |     | x      | 24     |        |            |        |          | MqlDefinition_FitBEngaged
      L6   | 2031-03-10T08:00:00Z | paid-search | q1-search      |                | NURTURING    |     |     |     |         |     |     |        |        |        |            |        |          |
      L7   | 2031-03-31T23:30:00Z | paid-search | q1-search      | sales-emea     | SQL          | x   | x   |     | x       | x   |     |        | 6      | 30     | 60         | 600    |          | MqlDefinition_FitAEngaged
      L8   | 2031-04-01T00:00:00Z | event       |                | sales-emea     | WON          | x   | x   |     | x       | x   | x   | x      | 1      | 1      | 1          | 1      | 1        | MqlDefinition_FitAEngaged
      L9   | 2031-02-28T23:59:00Z | event       |                | sales-emea     | LOST         | x   | x   |     | x       | x   | x   | x      | 1      | 1      | 1          | 1      | 1        | MqlDefinition_FitAEngaged
      """;

  /** Structured feedback on those leads (L8 and L9 fall outside March and must not count). */
  static final String FEEDBACK = """
      lead | kind      | reason         | factors
      L3   | REJECTION | no-budget      |
      L3   | REJECTION | timing         |
      L5   | REJECTION | wrong-industry |
      L1   | WIN       |                | industry-fit,content
      L2   | LOSS      |                | price,competitor
      L8   | WIN       |                | price
      L9   | REJECTION | too-small      |
      """;

  /**
   * SLA clocks (C6 started in April) and their breaches; rep ids are this test's own. C7 stopped before its due date
   * (its lead left the step unanswered): neither within the SLA nor late.
   */
  static final String CLOCKS = """
      clock | lead | sla           | team           | rep      | started              | due                  | met                  | stopped              | breach | minutesLate | open
      C1    | L1   | ACCEPT        | sales-emea     | rpt-anna | 2031-03-03T08:05:00Z | 2031-03-03T10:00:00Z | 2031-03-03T09:00:00Z |                      |        |             |
      C2    | L2   | ACCEPT        | sales-emea     | rpt-ben  | 2031-03-04T08:05:00Z | 2031-03-04T10:00:00Z | 2031-03-04T12:00:00Z |                      | x      | 120         | false
      C3    | L3   | ACCEPT        | sales-emea     | rpt-anna | 2031-03-05T08:05:00Z | 2031-03-05T10:00:00Z |                      | 2031-03-05T10:00:00Z | x      | 300         | true
      C4    | L4   | ACCEPT        | sales-americas | rpt-carl | 2031-03-06T14:05:00Z | 2031-03-06T16:00:00Z | 2031-03-06T15:59:00Z |                      |        |             |
      C5    | L7   | FIRST_CONTACT | sales-emea     | rpt-ben  | 2031-03-31T23:40:00Z | 2099-01-01T10:00:00Z |                      |                      |        |             |
      C6    | L8   | ACCEPT        | sales-emea     | rpt-anna | 2031-04-01T08:05:00Z | 2031-04-01T10:00:00Z |                      |                      | x      | 60          | true
      C7    | L5   | ACCEPT        | sales-americas | rpt-carl | 2031-03-09T08:05:00Z | 2031-03-09T10:00:00Z |                      | 2031-03-09T09:00:00Z |        |             |
      """;

  static final String MARCH = "from=2031-03-01&to=2031-03-31";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identity;
  ApiClient api;

  @BeforeEach
  void theMarchDataSet() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, "rpt-manager", Groups.SALES_MANAGERS);
    TestUsers.ensure(identity, "rpt-marketing", Groups.MARKETING);
    TestUsers.ensure(identity, "rpt-crm", Groups.INTEGRATION);
    if (jdbc.sql("select count(*) from leads where id = :id").param("id", id("L1")).query(Long.class).single() == 0) {
      table(LEADS).forEach(this::insertLead);
      table(FEEDBACK).forEach(f -> jdbc.sql("""
          insert into lead_feedback (lead_id, kind, reason, factors, author, given_at)
          values (:lead, :kind, :reason, :factors, 'rpt-anna', :at)""")
          .param("lead", id(f.get("lead"))).param("kind", f.get("kind")).param("reason", blankToNull(f.get("reason")))
          .param("factors", blankToNull(f.get("factors"))).param("at", OffsetDateTime.parse("2031-04-15T10:00:00Z")).update());
      table(CLOCKS).forEach(this::insertClock);
    }
  }

  @Test
  void funnelBySourceWithStageToStageConversion() {
    assertReport("/api/reports/funnel?" + MARCH + "&groupBy=source", """
        group       | captured | mql | sal | sql | opportunity | won | lost | inFlight | capturedToMqlPct | mqlToSalPct | salToSqlPct | sqlToOpportunityPct | opportunityToWonPct | capturedToWonPct
        paid-search | 3        | 2   | 1   | 1   | 0           | 0   | 0    | 2        | 66.7             | 50.0        | 100.0       | 0.0                 |                     | 0.0
        webinar     | 4        | 4   | 3   | 2   | 2           | 1   | 1    | 2        | 100.0            | 75.0        | 66.7        | 100.0               | 50.0                | 25.0
        """);
  }

  @Test
  void funnelByCampaignTeamAndMonth() {
    assertReport("/api/reports/funnel?" + MARCH + "&groupBy=campaign", """
        group          | captured | mql | sal | sql | opportunity | won | lost | inFlight | capturedToMqlPct | mqlToSalPct | salToSqlPct | sqlToOpportunityPct | opportunityToWonPct | capturedToWonPct
        (no campaign)  | 1        | 1   | 1   | 0   | 0           | 0   | 0    | 1        | 100.0            | 100.0       | 0.0         |                     |                     | 0.0
        q1-search      | 3        | 2   | 1   | 1   | 0           | 0   | 0    | 2        | 66.7             | 50.0        | 100.0       | 0.0                 |                     | 0.0
        spring-webinar | 3        | 3   | 2   | 2   | 2           | 1   | 1    | 1        | 100.0            | 66.7        | 100.0       | 100.0               | 50.0                | 33.3
        """);
    assertReport("/api/reports/funnel?" + MARCH + "&groupBy=team", """
        group          | captured | mql | sal | sql | opportunity | won | lost | inFlight | capturedToMqlPct | mqlToSalPct | salToSqlPct | sqlToOpportunityPct | opportunityToWonPct | capturedToWonPct
        (not routed)   | 1        | 0   | 0   | 0   | 0           | 0   | 0    | 1        | 0.0              |             |             |                     |                     | 0.0
        sales-americas | 2        | 2   | 1   | 0   | 0           | 0   | 0    | 1        | 100.0            | 50.0        | 0.0         |                     |                     | 0.0
        sales-emea     | 4        | 4   | 3   | 3   | 2           | 1   | 1    | 2        | 100.0            | 75.0        | 100.0       | 66.7                | 50.0                | 25.0
        """);
    assertReport("/api/reports/funnel?from=2031-02-01&to=2031-04-30&groupBy=month", """
        group   | captured | mql | sal | sql | opportunity | won | lost | inFlight | capturedToMqlPct | mqlToSalPct | salToSqlPct | sqlToOpportunityPct | opportunityToWonPct | capturedToWonPct
        2031-02 | 1        | 1   | 1   | 1   | 1           | 0   | 1    | 0        | 100.0            | 100.0       | 100.0       | 100.0               | 0.0                 | 0.0
        2031-03 | 7        | 6   | 4   | 3   | 2           | 1   | 1    | 4        | 85.7             | 66.7        | 75.0        | 66.7                | 50.0                | 14.3
        2031-04 | 1        | 1   | 1   | 1   | 1           | 1   | 0    | 0        | 100.0            | 100.0       | 100.0       | 100.0               | 100.0               | 100.0
        """);
  }

  @Test
  void speedInBusinessHoursFromAssignment() {
    assertReport("/api/reports/speed?" + MARCH + "&groupBy=team", """
        group          | toAcceptLeads | toAcceptMedianHours | toAcceptP90Hours | toFirstContactLeads | toFirstContactMedianHours | toFirstContactP90Hours | toSqlLeads | toSqlMedianHours | toSqlP90Hours | toCloseLeads | toCloseMedianHours | toCloseP90Hours
        (not routed)   | 0             |                     |                  | 0                   |                           |                        | 0          |                  |               | 0            |                    |
        sales-americas | 1             | 4.0                 | 4.0              | 0                   |                           |                        | 0          |                  |               | 0            |                    |
        sales-emea     | 3             | 1.0                 | 1.8              | 3                   | 2.0                       | 3.6                    | 3          | 10.0             | 14.8          | 2            | 60.0               | 76.0
        """);
  }

  @Test
  void systemDelayAgainstRepDelay() {
    // sales-emea: system 6, 6, 12, 18 min -> median 9 min = 0.15 h, p90 12 + 0.7 x 6 = 16.2 min = 0.27 h;
    // the leads with both: system 6 + 18 + 6 = 30 min against rep 120 + 240 + 60 = 420 min -> 30 / 450 = 6.7 %
    assertReport("/api/reports/delays?" + MARCH, """
        group          | assignedLeads | systemMedianHours | systemP90Hours | contactedLeads | repMedianHours | repP90Hours | systemSharePct
        (not routed)   | 0             |                   |                | 0              |                |             |
        sales-americas | 2             | 0.45              | 0.49           | 0              |                |             |
        sales-emea     | 4             | 0.15              | 0.27           | 3              | 2.0            | 3.6         | 6.7
        """);
  }

  @Test
  void slaComplianceByTeamAndRep() {
    assertReport("/api/reports/sla?" + MARCH, """
        group          | sla           | clocks | withinSla | late | stopped | running | breaches | openBreaches | compliancePct
        sales-americas | ACCEPT        | 2      | 1         | 0    | 1       | 0       | 0        | 0            | 100.0
        sales-emea     | ACCEPT        | 3      | 1         | 2    | 0       | 0       | 2        | 1            | 33.3
        sales-emea     | FIRST_CONTACT | 1      | 0         | 0    | 0       | 1       | 0        | 0            |
        """);
    assertReport("/api/reports/sla?" + MARCH + "&groupBy=rep", """
        group    | sla           | clocks | withinSla | late | stopped | running | breaches | openBreaches | compliancePct
        rpt-anna | ACCEPT        | 2      | 1         | 1    | 0       | 0       | 1        | 1            | 50.0
        rpt-ben  | ACCEPT        | 1      | 0         | 1    | 0       | 0       | 1        | 0            | 0.0
        rpt-ben  | FIRST_CONTACT | 1      | 0         | 0    | 0       | 1       | 0        | 0            |
        rpt-carl | ACCEPT        | 2      | 1         | 0    | 1       | 0       | 0        | 0            | 100.0
        """);
    assertReport("/api/reports/sla?" + MARCH + "&groupBy=source", """
        group       | sla           | clocks | withinSla | late | stopped | running | breaches | openBreaches | compliancePct
        paid-search | ACCEPT        | 1      | 0         | 0    | 1       | 0       | 0        | 0            |
        paid-search | FIRST_CONTACT | 1      | 0         | 0    | 0       | 1       | 0        | 0            |
        webinar     | ACCEPT        | 4      | 2         | 2    | 0       | 0       | 2        | 1            | 50.0
        """);
  }

  @Test
  void rejectionReasonsBySourceAndCampaign() {
    assertReport("/api/reports/rejections?" + MARCH, """
        group       | reason         | rejections | sharePct
        paid-search | wrong-industry | 1          | 100.0
        webinar     | no-budget      | 1          | 50.0
        webinar     | timing         | 1          | 50.0
        """);
    assertReport("/api/reports/rejections?" + MARCH + "&groupBy=campaign", """
        group          | reason         | rejections | sharePct
        q1-search      | wrong-industry | 1          | 100.0
        spring-webinar | no-budget      | 1          | 50.0
        spring-webinar | timing         | 1          | 50.0
        """);
  }

  @Test
  void winFactorsAndLossReasons() {
    assertReport("/api/reports/outcomes?from=2031-02-01&to=2031-04-30", """
        group | outcome | factor       | deals | sharePct
        all   | LOST    | competitor   | 1     | 100.0
        all   | LOST    | price        | 1     | 100.0
        all   | WON     | content      | 1     | 50.0
        all   | WON     | industry-fit | 1     | 50.0
        all   | WON     | price        | 1     | 50.0
        """);
  }

  @Test
  void theMqlRulesSalesRejects() {
    JsonNode report = api.get("/api/reports/mql-rules?" + MARCH, "rpt-marketing", TestUsers.PASSWORD).json();
    assertThat(rows(report, "rule", "mql", "accepted", "rejected", "rejectionRatePct")).containsExactly(
        List.of("MqlDefinition_FitAEngaged", "3", "3", "0", "0.0"),
        List.of("MqlDefinition_FitBEngaged", "3", "1", "2", "66.7"));
    assertThat(report.get("rows").get(0).get("ruleDescription").asText()).startsWith("Ideal customers showing interest go to sales.");
  }

  @Test
  void aRangeWithoutLeadsHasNoRows() {
    for (String report : List.of("funnel", "speed", "delays", "sla", "rejections", "outcomes", "mql-rules")) {
      JsonNode empty = api.get("/api/reports/" + report + "?from=2031-06-01&to=2031-06-30", "rpt-manager", TestUsers.PASSWORD).json();
      assertThat(empty.get("rows")).as(report).isEmpty();
      assertThat(empty.get("from").asText()).isEqualTo("2031-06-01");
    }
  }

  @Test
  void csvForSpreadsheetsHasTheSameTable() throws Exception {
    ApiClient.Response csv = api.send("GET", "/api/reports/funnel?" + MARCH + "&groupBy=source", "rpt-marketing", TestUsers.PASSWORD,
        "", Map.of("Accept", "text/csv"));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains("funnel-2031-03-01-2031-03-31.csv");
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.raw().body())).getRecords();
    assertThat(records).hasSize(2);
    assertThat(records.get(1).get("group")).isEqualTo("webinar");
    assertThat(records.get(1).get("mqlToSalPct")).isEqualTo("75.0");
    assertThat(records.get(0).get("opportunityToWonPct")).isEmpty();
  }

  @Test
  void openBreachesForTheCockpitPlugin() {
    JsonNode report = api.get("/api/reports/open-breaches?team=sales-emea&rep=rpt-anna", "rpt-manager", TestUsers.PASSWORD).json();
    assertThat(rows(report, "leadId", "sla", "team", "rep")).containsExactly(
        List.of(id("L3").toString(), "ACCEPT", "sales-emea", "rpt-anna"),
        List.of(id("L8").toString(), "ACCEPT", "sales-emea", "rpt-anna"));
    assertThat(report.get("rows").get(0).get("lead").asText()).isEqualTo("Lead L3 (Company L3)");
  }

  @Test
  void badParametersAreProblemDetails() {
    ApiClient.Response backwards = api.get("/api/reports/funnel?from=2031-03-31&to=2031-03-01", "rpt-manager", TestUsers.PASSWORD);
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.header("Content-Type")).startsWith("application/problem+json");
    assertThat(backwards.json().toString()).contains("must not be after to");
    ApiClient.Response notADate = api.get("/api/reports/speed?from=March", "rpt-manager", TestUsers.PASSWORD);
    assertThat(notADate.status()).isEqualTo(400);
    assertThat(notADate.json().toString()).contains("must be a date like 2026-11-24");
    ApiClient.Response byRep = api.get("/api/reports/funnel?groupBy=rep", "rpt-manager", TestUsers.PASSWORD);
    assertThat(byRep.status()).isEqualTo(400);
    assertThat(byRep.json().toString()).contains("must be one of source, campaign, team, accountStatus, month, none");
  }

  @Test
  void reportsAreForManagersMarketingAndProcessOwnersOnly() {
    assertThat(api.get("/api/reports/funnel", "rpt-crm", TestUsers.PASSWORD).status()).isEqualTo(403);
    assertThat(api.get("/api/reports/funnel", "rpt-marketing", TestUsers.PASSWORD).status()).isEqualTo(200);
    assertThat(api.get("/api/reports/open-breaches", "rpt-marketing", TestUsers.PASSWORD).status()).isEqualTo(403);
    assertThat(api.get("/api/reports/funnel", null, null).status()).isEqualTo(401);
  }

  private void assertReport(String path, String expected) {
    List<Map<String, String>> table = table(expected);
    String[] columns = header(expected);
    JsonNode report = api.get(path, "rpt-manager", TestUsers.PASSWORD).json();
    assertThat(report.get("columns").toString()).as(path).isEqualTo(
        Arrays.stream(columns).map(c -> '"' + c + '"').toList().toString().replace(" ", ""));
    assertThat(rows(report, columns)).as(path).containsExactlyElementsOf(
        table.stream().map(row -> Arrays.stream(columns).map(row::get).toList()).toList());
  }

  private static List<List<String>> rows(JsonNode report, String... columns) {
    List<List<String>> rows = new ArrayList<>();
    report.get("rows").forEach(row -> rows.add(Arrays.stream(columns)
        .map(c -> row.hasNonNull(c) ? row.get(c).asText() : "").toList()));
    return rows;
  }

  private static String[] header(String table) {
    return Arrays.stream(table.lines().findFirst().orElseThrow().split("\\|")).map(String::trim).toArray(String[]::new);
  }

  /** A text table as rows of column -> cell (blank cells are empty strings). */
  static List<Map<String, String>> table(String text) {
    String[] header = header(text);
    return text.lines().skip(1).filter(line -> !line.isBlank()).map(line -> {
      String[] cells = Arrays.copyOf(line.split("\\|", -1), header.length);
      Map<String, String> row = new java.util.HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i] == null ? "" : cells[i].trim());
      }
      return row;
    }).toList();
  }

  private void insertLead(Map<String, String> l) {
    OffsetDateTime captured = OffsetDateTime.parse(l.get("captured"));
    String name = l.get("lead");
    jdbc.sql("""
        insert into leads (id, email, first_name, last_name, company_name, source, campaign, team, status, captured_by, created_at,
          updated_at)
        values (:id, :email, 'Lead', :name, :company, :source, :campaign, :team, :status, 'rpt', :captured, :captured)""")
        .param("id", id(name)).param("email", "rpt-" + name.toLowerCase() + "@march.example").param("name", name)
        .param("company", "Company " + name).param("source", l.get("source")).param("campaign", blankToNull(l.get("campaign")))
        .param("team", blankToNull(l.get("team"))).param("status", l.get("status")).param("captured", captured)
        .update();
    jdbc.sql("""
        insert into lead_milestones (lead_id, mql_at, accepted_at, rejected_at, first_contact_at, sql_at, opportunity_at, closed_at,
          assigned_at, system_minutes, accept_minutes, first_contact_minutes, sql_minutes, close_minutes, mql_rule)
        values (:id, :mql, :sal, :rej, :contact, :sql, :opp, :closed, :assigned, :system, :accept, :contactMin, :sqlMin, :closeMin, :rule)""")
        .param("id", id(name))
        .param("mql", mark(l, "mql", captured)).param("sal", mark(l, "sal", captured)).param("rej", mark(l, "rej", captured))
        .param("contact", mark(l, "contact", captured)).param("sql", mark(l, "sql", captured)).param("opp", mark(l, "opp", captured))
        .param("closed", mark(l, "closed", captured))
        .param("assigned", l.get("system").isEmpty() ? null : captured.plusMinutes(Long.parseLong(l.get("system"))))
        .param("system", number(l.get("system"))).param("accept", number(l.get("accept")))
        .param("contactMin", number(l.get("contactMin"))).param("sqlMin", number(l.get("sqlMin")))
        .param("closeMin", number(l.get("closeMin"))).param("rule", blankToNull(l.get("rule")))
        .update();
  }

  private void insertClock(Map<String, String> c) {
    KeyHolder clock = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into lead_sla_clocks (lead_id, sla, team, assignee, started_at, warn_at, due_at, met_at, stopped_at, explanation)
        values (:lead, :sla, :team, :rep, :started, :due, :due, :met, :stopped, 'test')""")
        .param("lead", id(c.get("lead"))).param("sla", c.get("sla")).param("team", c.get("team")).param("rep", c.get("rep"))
        .param("started", OffsetDateTime.parse(c.get("started"))).param("due", OffsetDateTime.parse(c.get("due")))
        .param("met", c.get("met").isEmpty() ? null : OffsetDateTime.parse(c.get("met")))
        .param("stopped", c.get("stopped").isEmpty() ? null : OffsetDateTime.parse(c.get("stopped"))).update(clock, "id");
    if (!c.get("breach").isEmpty()) {
      OffsetDateTime due = OffsetDateTime.parse(c.get("due"));
      jdbc.sql("""
          insert into lead_sla_breaches (clock_id, lead_id, sla, team, assignee, due_at, breached_at, minutes_late, open)
          values (:clock, :lead, :sla, :team, :rep, :due, :due, :late, :open)""")
          .param("clock", clock.getKey().longValue()).param("lead", id(c.get("lead"))).param("sla", c.get("sla")).param("team", c.get("team"))
          .param("rep", c.get("rep")).param("due", due).param("late", Integer.parseInt(c.get("minutesLate")))
          .param("open", Boolean.parseBoolean(c.get("open"))).update();
    }
  }

  static UUID id(String lead) {
    return UUID.nameUUIDFromBytes(("reports-test-" + lead).getBytes());
  }

  private static OffsetDateTime mark(Map<String, String> row, String column, OffsetDateTime captured) {
    return row.get(column).equals("x") ? captured.plusHours(1) : null;
  }

  private static Integer number(String cell) {
    return cell.isEmpty() ? null : Integer.valueOf(cell);
  }

  private static String blankToNull(String cell) {
    return cell == null || cell.isEmpty() ? null : cell;
  }
}
