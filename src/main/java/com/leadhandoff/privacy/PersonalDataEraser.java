package com.leadhandoff.privacy;

import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.lead.PersonalDataErased;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a lead's personal data everywhere this product keeps it, in one transaction: all of it or nothing. Each
 * feature erases its own tables (the lead through its repository, the others on {@link PersonalDataErased}); this
 * erases Camunda's variables and decision history and keeps the erasure's record.
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
  private final LeadRepository leads;
  private final ApplicationEventPublisher events;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final Clock clock;
  private final HistoryService history;

  public PersonalDataEraser(JdbcClient jdbc, LeadRepository leads, ApplicationEventPublisher events, RuntimeService runtime,
      TaskService tasks, HistoryService history, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.leads = leads;
    this.events = events;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
  }

  /**
   * Empty if there is no such lead. The lead anonymises its record, every other feature its own tables (on
   * {@link PersonalDataErased}); this erases Camunda's copies and records the erasure.
   */
  @Transactional
  public Optional<Erasure> erase(UUID leadId, String erasedBy) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<Boolean> alreadyErased = leads.erasePersonalData(leadId, now);
    if (alreadyErased.isEmpty()) {
      return Optional.empty();
    }
    events.publishEvent(new PersonalDataErased(leadId));
    int[] camunda = eraseCamunda(leadId.toString());
    Erasure erasure = new Erasure(leadId, erasedBy, now, camunda[0], camunda[1], camunda[2], alreadyErased.get());
    jdbc.sql("insert into lead_erasures (lead_id, erased_by, erased_at, what) values (:lead, :by, :at, :what)")
        .param("lead", leadId).param("by", erasedBy).param("at", now)
        .param("what", "contact and company fields, free-text feedback, activity content, import messages; Camunda: "
            + camunda[0] + " runtime and " + camunda[1] + " historic variables, " + camunda[2] + " decision histories")
        .update();
    return Optional.of(erasure);
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
          Object anonymous = "email".equals(v.getName()) ? LeadRepository.anonymousEmail(UUID.fromString(businessKey)) : null;
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
        boolean stillPersonal = variable.getValue() != null && !variable.getValue().equals(LeadRepository.anonymousEmail(UUID.fromString(businessKey)));
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
}
