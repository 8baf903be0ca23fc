package com.leadhandoff.handoff;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadViewPart;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The routing ledger (who got which lead, and why) and the reps' availability. */
@Repository
public class RoutingRepository implements LeadViewPart {

  private final JdbcClient jdbc;

  public RoutingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One line of the ledger. */
  public record LedgerEntry(UUID leadId, String team, String assignee, String reason, OffsetDateTime assignedAt) {}

  /** A rep's absence and personal capacity; nulls mean "not away" and "the default capacity". */
  public record Availability(String userId, LocalDate outOfOfficeFrom, LocalDate outOfOfficeUntil, Integer capacity) {

    boolean awayOn(LocalDate day) {
      return outOfOfficeFrom != null && !day.isBefore(outOfOfficeFrom) && (outOfOfficeUntil == null || !day.isAfter(outOfOfficeUntil));
    }
  }

  public void record(LedgerEntry entry) {
    jdbc.sql("insert into routing_ledger (lead_id, team, assignee, reason, assigned_at) values (:lead, :team, :assignee, :reason, :at)")
        .param("lead", entry.leadId()).param("team", entry.team()).param("assignee", entry.assignee())
        .param("reason", entry.reason()).param("at", entry.assignedAt()).update();
  }

  /** The rep the team's last lead went to: the rotation continues after them. */
  public Optional<String> lastAssignee(String team) {
    return jdbc.sql("select assignee from routing_ledger where team = :team and assignee is not null order by assigned_at desc, id desc limit 1")
        .param("team", team).query(String.class).optional();
  }

  public List<LedgerEntry> ledger(UUID leadId) {
    return jdbc.sql("select * from routing_ledger where lead_id = :lead order by assigned_at, id").param("lead", leadId)
        .query((rs, n) -> new LedgerEntry(rs.getObject("lead_id", UUID.class), rs.getString("team"), rs.getString("assignee"),
            rs.getString("reason"), rs.getObject("assigned_at", OffsetDateTime.class)))
        .list();
  }

  public Optional<Availability> availability(String userId) {
    return jdbc.sql("select * from rep_availability where user_id = :user").param("user", userId)
        .query((rs, n) -> new Availability(rs.getString("user_id"), rs.getObject("out_of_office_from", LocalDate.class),
            rs.getObject("out_of_office_until", LocalDate.class), rs.getObject("capacity", Integer.class)))
        .optional();
  }

  public void saveAvailability(Availability availability) {
    jdbc.sql("delete from rep_availability where user_id = :user").param("user", availability.userId()).update();
    jdbc.sql("""
        insert into rep_availability (user_id, out_of_office_from, out_of_office_until, capacity)
        values (:user, :from, :until, :capacity)""")
        .param("user", availability.userId()).param("from", availability.outOfOfficeFrom())
        .param("until", availability.outOfOfficeUntil()).param("capacity", availability.capacity()).update();
  }

  /** Why each rep got the lead. */
  @Override
  public Map<String, Object> partsOf(Lead lead) {
    return Map.of("routing", ledger(lead.id()));
  }
}
