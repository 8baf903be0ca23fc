package com.leadhandoff.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V24 on rows written before it (on H2 here, on PostgreSQL in {@link StatusMigrationIT}): a lead whose status is an SLA
 * event gets its lifecycle stage back, clocks get their warning and breached clocks their stop, and COLLECT SUM outcomes
 * their numbers.
 */
class StatusMigrationTest {

  static final OffsetDateTime T = OffsetDateTime.parse("2026-11-02T09:00:00Z");

  @Test
  void onH2() {
    check(new DriverManagerDataSource("jdbc:h2:mem:status-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
  }

  static void check(DataSource database) {
    migrate(database, versionBefore24(database));
    JdbcClient jdbc = JdbcClient.create(database);
    UUID warned = lead(jdbc, "SLA_WARNING", "CAPTURED", "MQL", "ROUTED", "SLA_WARNING");
    UUID contactWarned = lead(jdbc, "SLA_WARNING", "CAPTURED", "MQL", "ROUTED", "ACCEPTED", "SLA_WARNING");
    UUID escalated = lead(jdbc, "ESCALATED", "CAPTURED", "MQL", "ROUTED", "SLA_BREACHED", "ROUTED", "SLA_BREACHED", "ESCALATED");
    UUID won = lead(jdbc, "WON", "CAPTURED", "MQL", "ROUTED", "SLA_WARNING", "ACCEPTED", "CONTACTED", "SQL", "OPPORTUNITY", "WON");
    long warnedClock = clock(jdbc, warned, "ACCEPT", null);
    long breachedClock = clock(jdbc, escalated, "ACCEPT", T.plusMinutes(30));
    jdbc.sql("""
        insert into lead_sla_breaches (clock_id, lead_id, sla, team, due_at, breached_at, minutes_late, open)
        values (:clock, :lead, 'ACCEPT', 'sales-emea', :due, :at, 1, true)""")
        .param("clock", breachedClock).param("lead", escalated).param("due", T.plusMinutes(4)).param("at", T.plusMinutes(5)).update();
    long metClock = clock(jdbc, won, "ACCEPT", T.plusMinutes(2));
    decision(jdbc, won, "FitPoints", "{\"fitPoints\":\"90\"}");
    decision(jdbc, won, "MqlDefinition", "[{\"mqlOutcome\":\"MQL\",\"mqlReason\":\"grade A: \\\"hot\\\"\"}]");
    decision(jdbc, warned, "FitPoints", "{\"erased\": true}");

    migrate(database, "24");

    assertThat(status(jdbc, warned)).isEqualTo("ROUTED");
    assertThat(status(jdbc, contactWarned)).isEqualTo("ACCEPTED");
    assertThat(status(jdbc, escalated)).isEqualTo("ROUTED");
    assertThat(status(jdbc, won)).isEqualTo("WON");
    assertThat(jdbc.sql("select count(*) from lead_stage_events where stage in ('SLA_WARNING', 'SLA_BREACHED', 'ESCALATED')")
        .query(Long.class).single()).as("the events stay in the journal").isEqualTo(6);

    assertThat(column(jdbc, warnedClock, "warned_at")).as("the warning of the clock's own SLA, while it ran")
        .isEqualTo(T.plusMinutes(3).toInstant());
    assertThat(column(jdbc, warnedClock, "stopped_at")).isNull();
    assertThat(column(jdbc, breachedClock, "stopped_at")).isEqualTo(T.plusMinutes(5).toInstant());
    assertThat(column(jdbc, breachedClock, "met_at")).as("the next rep's clock met it").isNull();
    assertThat(jdbc.sql("select stop_reason from lead_sla_clocks where id = :id").param("id", breachedClock).query(String.class).single())
        .isEqualTo("breached");
    assertThat(column(jdbc, metClock, "met_at")).isEqualTo(T.plusMinutes(2).toInstant());

    assertThat(outcome(jdbc, won, "FitPoints")).isEqualTo("{\"fitPoints\":90}");
    assertThat(outcome(jdbc, won, "MqlDefinition")).isEqualTo("[{\"mqlOutcome\":\"MQL\",\"mqlReason\":\"grade A: \\\"hot\\\"\"}]");
    assertThat(outcome(jdbc, warned, "FitPoints")).isEqualTo("{\"erased\": true}");
  }

  private static void migrate(DataSource database, String target) {
    flyway(database).target(target).load().migrate();
  }

  /** The last migration before V24, whichever features added theirs. */
  private static String versionBefore24(DataSource database) {
    MigrationVersion v24 = MigrationVersion.fromVersion("24");
    return Arrays.stream(flyway(database).load().info().all()).map(MigrationInfo::getVersion).filter(v -> v.compareTo(v24) < 0)
        .max(MigrationVersion::compareTo).orElseThrow().getVersion();
  }

  private static FluentConfiguration flyway(DataSource database) {
    return Flyway.configure().dataSource(database).locations("classpath:db/migration").table("lead_handoff_schema_history");
  }

  /** A lead with its journal, a minute apart from T; an SLA warning's detail names the clock it warned. */
  private static UUID lead(JdbcClient jdbc, String status, String... stages) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into leads (id, email, source, status, captured_by, created_at, updated_at)
        values (:id, :email, 'webinar', :status, 'test', :at, :at)""")
        .param("id", id).param("email", id + "@acme.example").param("status", status).param("at", T).update();
    for (int i = 0; i < stages.length; i++) {
      jdbc.sql("insert into lead_stage_events (lead_id, stage, occurred_at, detail) values (:lead, :stage, :at, :detail)")
          .param("lead", id).param("stage", stages[i]).param("at", T.plusMinutes(i))
          .param("detail", stages[i].equals("SLA_WARNING") ? "ACCEPT due " + T.plusMinutes(4) : null).update();
    }
    return id;
  }

  /** A clock started at T, due 4 minutes later. */
  private static long clock(JdbcClient jdbc, UUID lead, String sla, OffsetDateTime metAt) {
    jdbc.sql("""
        insert into lead_sla_clocks (lead_id, sla, team, started_at, warn_at, due_at, explanation, met_at)
        values (:lead, :sla, 'sales-emea', :at, :warn, :due, 'test', :met)""")
        .param("lead", lead).param("sla", sla).param("at", T).param("warn", T.plusMinutes(3)).param("due", T.plusMinutes(4))
        .param("met", metAt).update();
    return jdbc.sql("select max(id) from lead_sla_clocks").query(Long.class).single();
  }

  private static void decision(JdbcClient jdbc, UUID lead, String key, String outcome) {
    jdbc.sql("""
        insert into lead_decisions (lead_id, decision_key, decision_version, decision_definition_id, outcome, evaluated_at)
        values (:lead, :key, 1, :key, :outcome, :at)""")
        .param("lead", lead).param("key", key).param("outcome", outcome).param("at", T).update();
  }

  private static String status(JdbcClient jdbc, UUID lead) {
    return jdbc.sql("select status from leads where id = :id").param("id", lead).query(String.class).single();
  }

  private static java.time.Instant column(JdbcClient jdbc, long clock, String column) {
    OffsetDateTime at = jdbc.sql("select " + column + " from lead_sla_clocks where id = :id").param("id", clock)
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).list().get(0);
    return at == null ? null : at.toInstant();
  }

  private static String outcome(JdbcClient jdbc, UUID lead, String key) {
    return jdbc.sql("select outcome from lead_decisions where lead_id = :lead and decision_key = :key")
        .param("lead", lead).param("key", key).query(String.class).single();
  }
}
