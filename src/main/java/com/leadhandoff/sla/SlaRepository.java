package com.leadhandoff.sla;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadViewPart;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SLA clocks and breaches, written in the engine's transaction. */
@Repository
public class SlaRepository implements LeadViewPart {

  private final JdbcClient jdbc;

  public SlaRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long startClock(UUID leadId, Sla sla, String team, String assignee, OffsetDateTime startedAt, OffsetDateTime warnAt,
      OffsetDateTime dueAt, String explanation) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into lead_sla_clocks (lead_id, sla, team, assignee, started_at, warn_at, due_at, explanation)
        values (:lead, :sla, :team, :assignee, :startedAt, :warnAt, :dueAt, :explanation)""")
        .param("lead", leadId).param("sla", sla.name()).param("team", team).param("assignee", assignee)
        .param("startedAt", startedAt).param("warnAt", warnAt).param("dueAt", dueAt).param("explanation", explanation)
        .update(key, "id");
    return key.getKey().longValue();
  }

  public SlaClockRecord clock(long id) {
    return jdbc.sql("select c.*, b.breached_at from lead_sla_clocks c left join lead_sla_breaches b on b.clock_id = c.id where c.id = :id")
        .param("id", id)
        .query((rs, n) -> new SlaClockRecord(rs.getLong("id"), rs.getObject("lead_id", UUID.class), Sla.valueOf(rs.getString("sla")),
            rs.getString("team"), rs.getString("assignee"), rs.getObject("started_at", OffsetDateTime.class),
            rs.getObject("warn_at", OffsetDateTime.class), rs.getObject("due_at", OffsetDateTime.class), rs.getString("explanation"),
            rs.getObject("warned_at", OffsetDateTime.class), rs.getObject("breached_at", OffsetDateTime.class),
            rs.getObject("met_at", OffsetDateTime.class), rs.getObject("stopped_at", OffsetDateTime.class), rs.getString("stop_reason")))
        .single();
  }

  /** The team's clocks still running: not met, not stopped and not breached. */
  public List<SlaClockRecord> runningClocks(String team) {
    return jdbc.sql("""
        select id from lead_sla_clocks c where team = :team and met_at is null and stopped_at is null
          and not exists (select 1 from lead_sla_breaches b where b.clock_id = c.id) order by id""")
        .param("team", team).query(Long.class).list().stream().map(this::clock).toList();
  }

  /** The clock counted again in a changed calendar. */
  public void recount(long id, OffsetDateTime warnAt, OffsetDateTime dueAt, String explanation) {
    jdbc.sql("update lead_sla_clocks set warn_at = :warnAt, due_at = :dueAt, explanation = :explanation where id = :id")
        .param("id", id).param("warnAt", warnAt).param("dueAt", dueAt)
        .param("explanation", explanation.length() > 2000 ? explanation.substring(0, 1997) + "..." : explanation).update();
  }

  /** A lead handed over: its running clocks are the new rep's, with the same due dates. */
  public void handOver(UUID leadId, String to) {
    jdbc.sql("update lead_sla_clocks set assignee = :to where lead_id = :lead and met_at is null and stopped_at is null")
        .param("lead", leadId).param("to", to).update();
  }

  /** The lead's latest clock of that SLA: the running one, or the one that ran last. */
  public Optional<SlaClockRecord> latestClock(UUID leadId, Sla sla) {
    return jdbc.sql("select id from lead_sla_clocks where lead_id = :lead and sla = :sla order by started_at desc, id desc limit 1")
        .param("lead", leadId).param("sla", sla.name()).query(Long.class).optional().map(this::clock);
  }

  public List<SlaClockRecord> clocks(UUID leadId) {
    return jdbc.sql("select id from lead_sla_clocks where lead_id = :lead order by started_at, id").param("lead", leadId)
        .query(Long.class).list().stream().map(this::clock).toList();
  }

  public void recordBreach(SlaClockRecord clock, String assignee, OffsetDateTime breachedAt, int minutesLate) {
    jdbc.sql("""
        insert into lead_sla_breaches (clock_id, lead_id, sla, team, assignee, due_at, breached_at, minutes_late, open)
        values (:clock, :lead, :sla, :team, :assignee, :dueAt, :breachedAt, :late, true)""")
        .param("clock", clock.id()).param("lead", clock.leadId()).param("sla", clock.sla().name()).param("team", clock.team())
        .param("assignee", assignee).param("dueAt", clock.dueAt()).param("breachedAt", breachedAt).param("late", minutesLate)
        .update();
  }

  /** The reminder went out. */
  public void warned(long clockId, OffsetDateTime at) {
    jdbc.sql("update lead_sla_clocks set warned_at = :at where id = :id").param("at", at).param("id", clockId).update();
  }

  /** The lead left the clock's step unanswered: the clock stops, if it still ran. */
  public void stopped(long clockId, OffsetDateTime at, String reason) {
    jdbc.sql("update lead_sla_clocks set stopped_at = :at, stop_reason = :reason where id = :id and met_at is null and stopped_at is null")
        .param("at", at).param("reason", reason.length() > 200 ? reason.substring(0, 197) + "..." : reason).param("id", clockId)
        .update();
  }

  /** The lead's SLA is met (on time or late): its running clock ends and its breaches are no longer open. */
  public void met(UUID leadId, Sla sla, OffsetDateTime at) {
    jdbc.sql("update lead_sla_clocks set met_at = :at where lead_id = :lead and sla = :sla and met_at is null and stopped_at is null")
        .param("at", at).param("lead", leadId).param("sla", sla.name()).update();
    jdbc.sql("update lead_sla_breaches set open = false where lead_id = :lead and sla = :sla and open")
        .param("lead", leadId).param("sla", sla.name()).update();
  }

  public List<SlaBreach> breaches(UUID leadId) {
    return jdbc.sql("select * from lead_sla_breaches where lead_id = :lead order by breached_at, id").param("lead", leadId)
        .query((rs, n) -> new SlaBreach(rs.getObject("lead_id", UUID.class), Sla.valueOf(rs.getString("sla")), rs.getString("team"),
            rs.getString("assignee"), rs.getObject("due_at", OffsetDateTime.class), rs.getObject("breached_at", OffsetDateTime.class),
            rs.getInt("minutes_late"), rs.getBoolean("open")))
        .list();
  }

  /** SLA breaches not yet resolved, of every lead. */
  public long openBreaches() {
    return jdbc.sql("select count(*) from lead_sla_breaches where open").query(Long.class).single();
  }

  @Override
  public Map<String, Object> partsOf(Lead lead) {
    return Map.of("slaClocks", clocks(lead.id()), "slaBreaches", breaches(lead.id()));
  }
}
