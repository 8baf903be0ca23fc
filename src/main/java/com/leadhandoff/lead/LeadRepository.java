package com.leadhandoff.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the leads table. Runs in the caller's transaction, the same one as the engine's. */
@Repository
public class LeadRepository {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;

  public LeadRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Lead lead) {
    Lead.AccountMatch match = lead.accountMatch();
    jdbc.sql("""
        insert into leads (id, email, first_name, last_name, title, phone, company_name, company_size, industry,
          country, company_domain, source, campaign, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
          first_touch_content, consent, buying_timeframe, first_meeting_expectation, status, captured_by, created_at, updated_at,
          previous_lead_id, account_id, account_status, account_owner, account_match_method, account_matched_on, account_match_score)
        values (:id, :email, :firstName, :lastName, :title, :phone, :companyName, :companySize, :industry,
          :country, :companyDomain, :source, :campaign, :utmSource, :utmMedium, :utmCampaign, :utmTerm, :utmContent,
          :firstTouchContent, :consent, :buyingTimeframe, :firstMeetingExpectation, :status, :capturedBy, :createdAt, :createdAt,
          :previousLeadId, :accountId, :accountStatus, :accountOwner, :accountMethod, :accountMatchedOn, :accountScore)
        """)
        .param("id", lead.id())
        .param("email", lead.contact().email())
        .param("firstName", lead.contact().firstName())
        .param("lastName", lead.contact().lastName())
        .param("title", lead.contact().title())
        .param("phone", lead.contact().phone())
        .param("consent", lead.contact().consent())
        .param("buyingTimeframe", lead.contact().buyingTimeframe())
        .param("firstMeetingExpectation", lead.contact().firstMeetingExpectation())
        .param("companyName", lead.company().companyName())
        .param("companySize", lead.company().companySize())
        .param("industry", lead.company().industry())
        .param("country", lead.company().country())
        .param("companyDomain", lead.company().companyDomain())
        .param("source", lead.attribution().source())
        .param("campaign", lead.attribution().campaign())
        .param("utmSource", lead.attribution().utmSource())
        .param("utmMedium", lead.attribution().utmMedium())
        .param("utmCampaign", lead.attribution().utmCampaign())
        .param("utmTerm", lead.attribution().utmTerm())
        .param("utmContent", lead.attribution().utmContent())
        .param("firstTouchContent", lead.attribution().firstTouchContent())
        .param("status", lead.progress().status().name())
        .param("capturedBy", lead.capturedBy())
        .param("createdAt", lead.createdAt())
        .param("previousLeadId", lead.previousLeadId())
        .param("accountId", match == null ? null : match.accountId())
        .param("accountStatus", match == null ? null : match.status())
        .param("accountOwner", match == null ? null : match.owner())
        .param("accountMethod", match == null ? null : match.method())
        .param("accountMatchedOn", match == null ? null : match.matchedOn())
        .param("accountScore", match == null ? null : java.math.BigDecimal.valueOf(match.score()).setScale(4, java.math.RoundingMode.HALF_UP))
        .update();
  }

  /**
   * Erases the lead's personal data from the lead's tables (GDPR), the row locked first: the record's personal columns
   * (which ones privacy declares), activity content, the rejection stage's detail (it quotes the rep's comment; the other
   * details name teams, SLAs and channels) and the decisions' outputs (they may quote the title or domain; which rules
   * matched stays as the audit of why). Empty when there is no such lead, else whether it had been erased before.
   */
  public Optional<Boolean> erasePersonalData(UUID id, OffsetDateTime now, Collection<String> personalColumns) {
    List<OffsetDateTime> erasedAt = jdbc.sql("select erased_at from leads where id = :id for update").param("id", id)
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).list();
    if (erasedAt.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder set = new StringBuilder();
    for (String column : personalColumns) {
      if (!column.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("Not a column of leads: " + column);
      }
      // the email is the row's not-null identity: it becomes an address that is unique and no one's
      set.append(column).append(column.equals("email") ? " = :anonymous, " : " = null, ");
    }
    jdbc.sql("update leads set " + set + "erased_at = :now where id = :id")
        .param("anonymous", anonymousEmail(id)).param("now", now).param("id", id).update();
    markClosed(id);
    jdbc.sql("update lead_activities set content = null where lead_id = :id").param("id", id).update();
    jdbc.sql("update lead_stage_events set detail = null where lead_id = :id and stage = 'REJECTED'").param("id", id).update();
    jdbc.sql("update lead_decisions set outcome = '{\"erased\": true}' where lead_id = :id").param("id", id).update();
    return Optional.of(erasedAt.get(0) != null);
  }

  /** The email an erased lead keeps: unique, and no one's. */
  public static String anonymousEmail(UUID id) {
    return "erased-" + id + "@erased.invalid";
  }

  /** The open lead of this email, if any; at most one exists (open_leads' primary key). */
  public Optional<UUID> openLeadOf(String email) {
    return jdbc.sql("select lead_id from open_leads where email = :email").param("email", email).query(UUID.class).optional();
  }

  /** Claims the email for this lead; a concurrent claim of the same email fails with a duplicate key. */
  public void markOpen(String email, UUID leadId) {
    jdbc.sql("insert into open_leads (email, lead_id) values (:email, :lead)").param("email", email).param("lead", leadId).update();
  }

  public void markClosed(UUID leadId) {
    jdbc.sql("delete from open_leads where lead_id = :lead").param("lead", leadId).update();
  }

  /** The latest earlier lead of this email, to link a returning contact to. */
  public Optional<UUID> latestLeadOf(String email) {
    return jdbc.sql("select id from leads where email = :email order by created_at desc, id limit 1")
        .param("email", email).query(UUID.class).optional();
  }

  /**
   * Locks the lead's row until the transaction ends, so that engagements of one lead queue here instead of racing
   * for its process in the engine, where all but one would fail on optimistic locking.
   */
  public void lockForEngagement(UUID id) {
    jdbc.sql("select id from leads where id = :id for update").param("id", id).query(UUID.class).optional();
  }

  public Optional<Lead> find(UUID id) {
    return jdbc.sql("select * from leads where id = :id").param("id", id).query(LeadRepository::map).optional();
  }

  public long count() {
    return jdbc.sql("select count(*) from leads").query(Long.class).single();
  }

  public void updateStatus(UUID id, LeadStage status, OffsetDateTime at) {
    jdbc.sql("update leads set status = :status, updated_at = :at where id = :id")
        .param("status", status.name()).param("at", at).param("id", id).update();
  }

  /** What the qualification decisions said: fit, engagement, priority and the MQL outcome. */
  public void updateQualification(UUID id, Qualification q) {
    jdbc.sql("""
        update leads set fit_score = :fitScore, fit_grade = :fitGrade, engagement_score = :engagementScore,
          priority = :priority, mql_outcome = :mqlOutcome, mql_reason = :mqlReason where id = :id""")
        .param("fitScore", q.fitScore()).param("fitGrade", q.fitGrade()).param("engagementScore", q.engagementScore())
        .param("priority", q.priority()).param("mqlOutcome", q.mqlOutcome()).param("mqlReason", q.mqlReason())
        .param("id", id).update();
  }

  public void updateRecycleCount(UUID id, int recycles) {
    jdbc.sql("update leads set recycle_count = :recycles where id = :id").param("recycles", recycles).param("id", id).update();
  }

  /** One page of leads, newest first, filtered by whichever criteria are given. */
  public List<Lead> search(LeadFilter filter, int page, int size) {
    return filtered("select * from leads", filter, " order by created_at desc, id limit :limit offset :offset")
        .param("limit", size).param("offset", (long) page * size)
        .query(LeadRepository::map).list();
  }

  public long count(LeadFilter filter) {
    return filtered("select count(*) from leads", filter, "").query(Long.class).single();
  }

  private JdbcClient.StatementSpec filtered(String select, LeadFilter filter, String tail) {
    StringBuilder sql = new StringBuilder(select).append(" where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (filter.status() != null) {
      sql.append(" and status = :status");
      params.put("status", filter.status().name());
    }
    equal(sql, params, "source", filter.source());
    equal(sql, params, "campaign", filter.campaign());
    equal(sql, params, "team", filter.team());
    journalHas(sql, filter.slaWarned(), LeadStage.SLA_WARNING);
    journalHas(sql, filter.slaBreached(), LeadStage.SLA_BREACHED);
    journalHas(sql, filter.escalated(), LeadStage.ESCALATED);
    return jdbc.sql(sql.append(tail).toString()).params(params);
  }

  private static void equal(StringBuilder sql, Map<String, Object> params, String column, String value) {
    if (value != null) {
      sql.append(" and ").append(column).append(" = :").append(column);
      params.put(column, value);
    }
  }

  /** The lead's journal has (or, false, has not) an event of this stage; the stage is an enum constant, not input. */
  private static void journalHas(StringBuilder sql, Boolean wanted, LeadStage stage) {
    if (wanted != null) {
      sql.append(wanted ? " and " : " and not ").append("exists (select 1 from lead_stage_events e where e.lead_id = leads.id and e.stage = '")
          .append(stage.name()).append("')");
    }
  }

  /** The latest leads first; for what-if replays. */
  public List<Lead> latest(int limit) {
    return jdbc.sql("select * from leads order by created_at desc, id limit :limit")
        .param("limit", limit).query(LeadRepository::map).list();
  }

  public List<Lead> capturedBetween(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.sql("select * from leads where created_at >= :from and created_at < :to order by created_at, id")
        .param("from", from).param("to", to).query(LeadRepository::map).list();
  }

  public void addActivity(UUID leadId, Activity activity) {
    jdbc.sql("""
        insert into lead_activities (lead_id, type, occurred_at, content, recorded_at)
        values (:lead, :type, :occurredAt, :content, :recordedAt)""")
        .param("lead", leadId).param("type", activity.type()).param("occurredAt", activity.occurredAt())
        .param("content", activity.content()).param("recordedAt", activity.recordedAt())
        .update();
  }

  public List<Activity> activities(UUID leadId) {
    return jdbc.sql("select type, occurred_at, content, recorded_at from lead_activities where lead_id = :id order by occurred_at, id")
        .param("id", leadId).query(Activity.class).list();
  }

  /** The activities of many leads in one query (a what-if replay's), by lead; a lead without any is missing. */
  public Map<UUID, List<Activity>> activitiesOf(Collection<UUID> leadIds) {
    Map<UUID, List<Activity>> activities = new HashMap<>();
    if (!leadIds.isEmpty()) {
      jdbc.sql("""
          select lead_id, type, occurred_at, content, recorded_at from lead_activities where lead_id in (:ids)
          order by lead_id, occurred_at, id""")
          .param("ids", leadIds)
          .query(rs -> {
            activities.computeIfAbsent(rs.getObject("lead_id", UUID.class), id -> new ArrayList<>()).add(ACTIVITY.mapRow(rs, 0));
          });
    }
    return activities;
  }

  public void updateRouting(UUID id, String team, String queue) {
    jdbc.sql("update leads set team = :team, queue = :queue where id = :id")
        .param("team", team).param("queue", queue).param("id", id).update();
  }

  public List<StageEvent> stages(UUID leadId) {
    return jdbc.sql("select stage, occurred_at, actor, detail from lead_stage_events where lead_id = :id order by occurred_at, id")
        .param("id", leadId)
        .query((rs, n) -> new StageEvent(LeadStage.valueOf(rs.getString("stage")),
            rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"), rs.getString("detail")))
        .list();
  }

  public void addStage(UUID leadId, StageEvent event) {
    jdbc.sql("insert into lead_stage_events (lead_id, stage, occurred_at, actor, detail) values (:lead, :stage, :at, :actor, :detail)")
        .param("lead", leadId).param("stage", event.stage().name()).param("at", event.occurredAt())
        .param("actor", event.actor()).param("detail", event.detail())
        .update();
  }

  public List<DecisionRecord> decisions(UUID leadId) {
    return jdbc.sql("""
        select decision_key, decision_version, decision_definition_id, matched_rules, outcome, evaluated_at
        from lead_decisions where lead_id = :id order by evaluated_at, id""")
        .param("id", leadId).query(LeadRepository::decision).list();
  }

  /** What the decision said about the lead last. */
  public Optional<DecisionRecord> latestDecision(UUID leadId, String decisionKey) {
    return jdbc.sql("""
        select decision_key, decision_version, decision_definition_id, matched_rules, outcome, evaluated_at
        from lead_decisions where lead_id = :id and decision_key = :key order by evaluated_at desc, id desc limit 1""")
        .param("id", leadId).param("key", decisionKey).query(LeadRepository::decision).optional();
  }

  private static DecisionRecord decision(ResultSet rs, int row) throws SQLException {
    return new DecisionRecord(rs.getString("decision_key"), rs.getInt("decision_version"), rs.getString("decision_definition_id"),
        rules(rs.getString("matched_rules")), json(rs.getString("outcome")), rs.getObject("evaluated_at", OffsetDateTime.class));
  }

  /** Rule ids are XML ids, which hold no comma: the column keeps them comma-separated. */
  private static List<String> rules(String column) {
    return column == null || column.isEmpty() ? List.of() : List.of(column.split(","));
  }

  private static JsonNode json(String column) {
    try {
      return JSON.readTree(column);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A decision outcome in lead_decisions is not JSON", e);
    }
  }

  private static String json(JsonNode value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A decision outcome is not serialisable", e);
    }
  }

  public void addDecision(UUID leadId, DecisionRecord record) {
    jdbc.sql("""
        insert into lead_decisions (lead_id, decision_key, decision_version, decision_definition_id, matched_rules, outcome, evaluated_at)
        values (:lead, :key, :version, :definitionId, :rules, :outcome, :at)""")
        .param("lead", leadId).param("key", record.decisionKey()).param("version", record.decisionVersion())
        .param("definitionId", record.decisionDefinitionId()).param("rules", record.matchedRules().isEmpty() ? null : String.join(",", record.matchedRules()))
        .param("outcome", json(record.outcome())).param("at", record.evaluatedAt())
        .update();
  }

  /** Each part of a lead by its components' names, which are the columns' (firstName is first_name). */
  private static final RowMapper<Lead.Contact> CONTACT = new DataClassRowMapper<>(Lead.Contact.class);
  private static final RowMapper<Lead.Company> COMPANY = new DataClassRowMapper<>(Lead.Company.class);
  private static final RowMapper<Lead.Attribution> ATTRIBUTION = new DataClassRowMapper<>(Lead.Attribution.class);
  private static final RowMapper<Lead.Progress> PROGRESS = new DataClassRowMapper<>(Lead.Progress.class);
  private static final RowMapper<Activity> ACTIVITY = new DataClassRowMapper<>(Activity.class);

  private static Lead map(ResultSet rs, int row) throws SQLException {
    return new Lead(rs.getObject("id", UUID.class), CONTACT.mapRow(rs, row), COMPANY.mapRow(rs, row), ATTRIBUTION.mapRow(rs, row),
        PROGRESS.mapRow(rs, row), rs.getString("captured_by"), rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("previous_lead_id", UUID.class), accountMatch(rs));
  }

  private static Lead.AccountMatch accountMatch(ResultSet rs) throws SQLException {
    UUID account = rs.getObject("account_id", UUID.class);
    return account == null ? null : new Lead.AccountMatch(account, rs.getString("account_status"), rs.getString("account_owner"),
        rs.getString("account_match_method"), rs.getString("account_matched_on"), rs.getDouble("account_match_score"));
  }
}
