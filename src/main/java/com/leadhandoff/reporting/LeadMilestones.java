package com.leadhandoff.reporting;

import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.lead.LeadStageReached;
import com.leadhandoff.sla.BusinessCalendar;
import com.leadhandoff.teams.SalesTeams;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each lead's milestones in reporting's own table (lead_milestones, a row per lead from its capture): the first
 * time it reached MQL, assignment, acceptance and so on, and how long each step took in its team's business minutes.
 * Written in the engine's transaction when the stage is reached (the lead's LeadStageReached event), so the reports
 * aggregate one row per lead with plain SQL.
 */
@Component
public class LeadMilestones {

  /** The stage, the column of the first time it was reached, and the column of its business minutes (if any). */
  private record Milestone(String at, String minutes, String since) {}

  private static final Map<LeadStage, Milestone> MILESTONES = Map.ofEntries(
      Map.entry(LeadStage.MQL, new Milestone("mql_at", null, null)),
      Map.entry(LeadStage.ROUTED, new Milestone("assigned_at", "system_minutes", "l.created_at")),
      Map.entry(LeadStage.ACCEPTED, new Milestone("accepted_at", "accept_minutes", "m.assigned_at")),
      Map.entry(LeadStage.REJECTED, new Milestone("rejected_at", null, null)),
      Map.entry(LeadStage.CONTACTED, new Milestone("first_contact_at", "first_contact_minutes", "m.assigned_at")),
      Map.entry(LeadStage.SQL, new Milestone("sql_at", "sql_minutes", "m.assigned_at")),
      Map.entry(LeadStage.OPPORTUNITY, new Milestone("opportunity_at", null, null)),
      Map.entry(LeadStage.WON, new Milestone("closed_at", "close_minutes", "m.assigned_at")),
      Map.entry(LeadStage.LOST, new Milestone("closed_at", "close_minutes", "m.assigned_at")),
      Map.entry(LeadStage.DISQUALIFIED, new Milestone("closed_at", null, null)),
      Map.entry(LeadStage.EXPIRED, new Milestone("closed_at", null, null)));

  /** Where the step started, counted in the team's working time. */
  private record Step(String team, OffsetDateTime since) {}

  private final JdbcClient jdbc;
  private final SalesTeams teams;

  public LeadMilestones(JdbcClient jdbc, SalesTeams teams) {
    this.jdbc = jdbc;
    this.teams = teams;
  }

  @EventListener
  public void reached(LeadStageReached event) {
    if (event.stage() == LeadStage.CAPTURED) {
      jdbc.sql("insert into lead_milestones (lead_id) values (:id)").param("id", event.leadId()).update();
      return;
    }
    Milestone milestone = MILESTONES.get(event.stage());
    if (milestone == null) {
      return;
    }
    // only the first time counts: a recycled lead that is accepted again keeps its first acceptance
    int updated = jdbc.sql("update lead_milestones set " + milestone.at() + " = :at where lead_id = :id and " + milestone.at() + " is null")
        .param("at", event.at()).param("id", event.leadId()).update();
    if (updated == 0) {
      return;
    }
    if (milestone.minutes() != null) {
      jdbc.sql("select l.team, " + milestone.since() + " from leads l join lead_milestones m on m.lead_id = l.id where l.id = :id")
          .param("id", event.leadId())
          .query((rs, n) -> new Step(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).optional()
          .filter(step -> step.since() != null && teams.teams().containsKey(step.team()))
          .ifPresent(step -> jdbc.sql("update lead_milestones set " + milestone.minutes() + " = :minutes where lead_id = :id")
              .param("minutes", BusinessCalendar.between(teams.workingTime(step.team()), step.since().toInstant(),
                  event.at().toInstant()).toMinutes())
              .param("id", event.leadId()).update());
    }
    if (event.stage() == LeadStage.MQL) {
      recordMqlRule(event.leadId());
    }
  }

  /** The rule of the lead's latest MqlDefinition evaluation: the agreed criterion that sent it to sales. */
  private void recordMqlRule(UUID leadId) {
    jdbc.sql("""
        select matched_rules from lead_decisions where lead_id = :id and decision_key = 'MqlDefinition'
        order by evaluated_at desc, id desc""").param("id", leadId).query(String.class).stream().findFirst()
        .ifPresent(rules -> jdbc.sql("update lead_milestones set mql_rule = :rule where lead_id = :id")
            .param("rule", rules.split(",")[0]).param("id", leadId).update());
  }
}
