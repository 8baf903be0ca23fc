package com.leadhandoff.handoff;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadViewPart;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The routing ledger: who got which lead, and why. */
@Repository
public class RoutingRepository implements LeadViewPart {

  private final JdbcClient jdbc;

  public RoutingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One line of the ledger. */
  public record LedgerEntry(UUID leadId, String team, String assignee, String reason, OffsetDateTime assignedAt) {}

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

  /** Why each rep got the lead. */
  @Override
  public Map<String, Object> partsOf(Lead lead) {
    return Map.of("routing", ledger(lead.id()));
  }
}
