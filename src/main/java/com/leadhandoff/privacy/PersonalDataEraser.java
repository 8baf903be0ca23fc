package com.leadhandoff.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a lead's personal data everywhere this product keeps it, in one transaction: all of it or nothing.
 * Kept: the lead row with its source, campaign, company size, industry, country, team, stages and milestones, so
 * the reports still count it; structured reasons and factors; the process instances (their business key is the
 * lead's random id).
 */
@Service
public class PersonalDataEraser {

  /** Process variables that hold personal data or free text about the person. */
  static final Set<String> PERSONAL_VARIABLES = Set.of("email", "title", "companyName", "companyDomain", "rejectionComment",
      "rejectionOther", "prospectSaid", "dealNotes", "questionsHeard", "objectionsHeard", "contentThatHelped", "reviewComment",
      "reviewNote", "campaignAction", "jointRationale", "managerReason", "contactNote", "opportunityNotes",
      // what the open task's form shows (TaskFacts): task variables
      "leadHeadline", "leadContact", "leadCompanyLine", "whyMql", "contactAttempts", "rejectionSummary");

  /** What an erasure did, for the caller and the audit row. */
  public record Erasure(UUID leadId, String erasedBy, OffsetDateTime erasedAt, int runtimeVariables, int historicVariables,
      int decisionHistories, boolean alreadyErased) {}

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final Clock clock;
  private final HistoryService history;

  public PersonalDataEraser(JdbcClient jdbc, RuntimeService runtime, TaskService tasks, HistoryService history, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
  }

  /** Empty if there is no such lead. */
  @Transactional
  public Optional<Erasure> erase(UUID leadId, String erasedBy) {
    List<OffsetDateTime> erasedAt = jdbc.sql("select erased_at from leads where id = :id for update").param("id", leadId)
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).list();
    if (erasedAt.isEmpty()) {
      return Optional.empty();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    eraseAppTables(leadId, now);
    int[] camunda = eraseCamunda(leadId.toString());
    Erasure erasure = new Erasure(leadId, erasedBy, now, camunda[0], camunda[1], camunda[2], erasedAt.get(0) != null);
    jdbc.sql("insert into lead_erasures (lead_id, erased_by, erased_at, what) values (:lead, :by, :at, :what)")
        .param("lead", leadId).param("by", erasedBy).param("at", now)
        .param("what", "contact and company fields, free-text feedback, activity content, import messages; Camunda: "
            + camunda[0] + " runtime and " + camunda[1] + " historic variables, " + camunda[2] + " decision histories")
        .update();
    return Optional.of(erasure);
  }

  private void eraseAppTables(UUID id, OffsetDateTime now) {
    jdbc.sql("""
        update leads set email = :anonymous, first_name = null, last_name = null, title = null, phone = null, company_name = null,
          company_domain = null, account_matched_on = null, utm_term = null, utm_content = null, first_touch_content = null, erased_at = :now
        where id = :id""").param("anonymous", anonymousEmail(id)).param("now", now).param("id", id).update();
    jdbc.sql("delete from open_leads where lead_id = :id").param("id", id).update();
    jdbc.sql("update lead_activities set content = null where lead_id = :id").param("id", id).update();
    jdbc.sql("""
        update lead_feedback set comment = null, questions_heard = null, objections_heard = null, content_that_helped = null,
          campaign_action = null
        where lead_id = :id""").param("id", id).update();
    jdbc.sql("update lead_contacts set note = null where lead_id = :id").param("id", id).update();
    // the rejection stage's detail quotes the rep's comment; the other details name teams, SLAs and channels
    jdbc.sql("update lead_stage_events set detail = null where lead_id = :id and stage = 'REJECTED'").param("id", id).update();
    jdbc.sql("update import_rows set message = null where lead_id = :id").param("id", id).update();
    // the decisions' outputs may quote the title or domain; which rules matched stays as the audit of why
    jdbc.sql("update lead_decisions set outcome = '{\"erased\": true}' where lead_id = :id").param("id", id).update();
  }

  /** Runtime variables get the anonymous value (forms still open); historic ones of ended instances go; decision inputs go. */
  private int[] eraseCamunda(String businessKey) {
    int runtimeVariables = 0;
    int historicVariables = 0;
    int decisions = 0;
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list();
    for (HistoricProcessInstance instance : instances) {
      if (instance.getEndTime() == null) {
        // each variable in its own scope (process, sub-scope or task); history follows the runtime value
        for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
            .variableNameIn(PERSONAL_VARIABLES.toArray(String[]::new)).list()) {
          if (v.getValue() == null) {
            continue;
          }
          Object anonymous = "email".equals(v.getName()) ? anonymousEmail(UUID.fromString(businessKey)) : null;
          if (v.getTaskId() != null) {
            tasks.setVariableLocal(v.getTaskId(), v.getName(), anonymous);
          } else {
            runtime.setVariableLocal(v.getExecutionId(), v.getName(), anonymous);
          }
          runtimeVariables++;
        }
      }
      List<String> historic = new ArrayList<>();
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
          .variableNameIn(PERSONAL_VARIABLES.toArray(String[]::new)).list()) {
        boolean stillPersonal = variable.getValue() != null && !variable.getValue().equals(anonymousEmail(UUID.fromString(businessKey)));
        if (stillPersonal) {
          historic.add(variable.getId());
        }
      }
      historic.forEach(history::deleteHistoricVariableInstance);
      historicVariables += historic.size();
      for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery().processInstanceId(instance.getId()).list()) {
        history.deleteHistoricDecisionInstanceByInstanceId(decision.getId());
        decisions++;
      }
    }
    return new int[] {runtimeVariables, historicVariables, decisions};
  }

  static String anonymousEmail(UUID id) {
    return "erased-" + id + "@erased.invalid";
  }
}
