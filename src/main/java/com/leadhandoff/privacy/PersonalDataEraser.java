package com.leadhandoff.privacy;

import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.lead.PersonalDataErased;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a lead's personal data everywhere this product keeps it, in one transaction: all of it or nothing. Each
 * feature erases its own tables (the lead its record's personal columns through its repository, the others on
 * {@link PersonalDataErased}); this erases Camunda's copies and keeps the erasure's record. What is personal is declared
 * once, in {@link PersonalData}.
 * Kept: the lead row with its source, campaign, company size, industry, country, team, stages and milestones, so
 * the reports still count it; structured reasons and factors; the running process instances (their business key is
 * the lead's random id) with the kept variables.
 */
@Service
public class PersonalDataEraser {

  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataEraser.class);

  /** What an erasure did, for the caller and the audit row. */
  public record Erasure(UUID leadId, String erasedBy, OffsetDateTime erasedAt, int runtimeVariables, int historicVariables,
      int decisionHistories, int comments, int attachments, int endedInstances, boolean alreadyErased) {}

  /** What was erased of Camunda's data, counted. */
  private static final class Counts {
    int runtimeVariables;
    int historicVariables;
    int decisions;
    int comments;
    int attachments;
    int endedInstances;
  }

  private final JdbcClient jdbc;
  private final LeadRepository leads;
  private final ApplicationEventPublisher events;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final Clock clock;
  private final HistoryService history;
  private final PersonalData personal;

  public PersonalDataEraser(JdbcClient jdbc, LeadRepository leads, ApplicationEventPublisher events, RuntimeService runtime,
      TaskService tasks, HistoryService history, Clock clock, PersonalData personal) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.leads = leads;
    this.events = events;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.personal = personal;
  }

  /**
   * Empty if there is no such lead. The lead anonymises its record, every other feature its own tables (on
   * {@link PersonalDataErased}); this erases Camunda's copies and records the erasure.
   */
  @Transactional
  public Optional<Erasure> erase(UUID leadId, String erasedBy) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<Boolean> alreadyErased = leads.erasePersonalData(leadId, now, personal.personalLeadColumns());
    if (alreadyErased.isEmpty()) {
      return Optional.empty();
    }
    events.publishEvent(new PersonalDataErased(leadId));
    Counts camunda = eraseCamunda(leadId);
    Erasure erasure = new Erasure(leadId, erasedBy, now, camunda.runtimeVariables, camunda.historicVariables, camunda.decisions,
        camunda.comments, camunda.attachments, camunda.endedInstances, alreadyErased.get());
    jdbc.sql("insert into lead_erasures (lead_id, erased_by, erased_at, what) values (:lead, :by, :at, :what)")
        .param("lead", leadId).param("by", erasedBy).param("at", now)
        .param("what", "contact and company fields, free-text feedback, activity content, import data; Camunda: "
            + camunda.runtimeVariables + " runtime and " + camunda.historicVariables + " historic variables, " + camunda.decisions
            + " decision histories, " + camunda.comments + " comments, " + camunda.attachments + " attachments, the history of "
            + camunda.endedInstances + " ended process instances")
        .update();
    return Optional.of(erasure);
  }

  /**
   * A running instance keeps its kept variables (its forms are still open): the others get the anonymous value, its
   * comments and attachments go, and so does the history of a finished task that had any (Camunda deletes a finished
   * task's comments with its history only). An ended instance's whole history goes (comments, attachments, variables,
   * decisions). Decision history of running instances goes.
   */
  private Counts eraseCamunda(UUID leadId) {
    Counts counts = new Counts();
    List<String> ended = new ArrayList<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(leadId.toString()).list()) {
      if (instance.getEndTime() != null) {
        ended.add(instance.getId());
        continue;
      }
      eraseVariables(instance.getId(), leadId, counts);
      eraseCommentsAndAttachments(instance.getId(), counts);
      for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery().processInstanceId(instance.getId()).list()) {
        history.deleteHistoricDecisionInstanceByInstanceId(decision.getId());
        counts.decisions++;
      }
    }
    if (!ended.isEmpty()) {
      history.deleteHistoricProcessInstancesIfExists(ended);
    }
    counts.endedInstances = ended.size();
    return counts;
  }

  /** Each text variable that is not kept, in its own scope (process, sub-scope or task); history follows the runtime value. */
  private void eraseVariables(String instanceId, UUID leadId, Counts counts) {
    String anonymousEmail = LeadRepository.anonymousEmail(leadId);
    Set<String> undeclared = new TreeSet<>();
    for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(instanceId)
        .disableCustomObjectDeserialization().list()) {
      if (!PersonalData.TEXT_TYPES.contains(v.getTypeName()) || personal.kept(v.getName()) || !holdsText(v.getTypedValue(), anonymousEmail)) {
        continue;
      }
      if (!personal.declared(v.getName())) {
        undeclared.add(v.getName());
      }
      Object anonymous = "email".equals(v.getName()) ? anonymousEmail : null;
      if (v.getTaskId() != null) {
        tasks.setVariableLocal(v.getTaskId(), v.getName(), anonymous);
      } else {
        runtime.setVariableLocal(v.getExecutionId(), v.getName(), anonymous);
      }
      counts.runtimeVariables++;
    }
    if (!undeclared.isEmpty()) {
      LOG.warn("Erased variables nobody declared in {}: {}", PersonalData.FILE, undeclared);
    }
    // a variable removed from the runtime keeps its last value in history (history level audit or full)
    List<String> historic = new ArrayList<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .disableCustomObjectDeserialization().list()) {
      if (PersonalData.TEXT_TYPES.contains(variable.getTypeName()) && !personal.kept(variable.getName())
          && holdsText(variable.getTypedValue(), anonymousEmail)) {
        historic.add(variable.getId());
      }
    }
    historic.forEach(history::deleteHistoricVariableInstance);
    counts.historicVariables += historic.size();
  }

  /** Whether a value is still there to erase: not null, not the anonymous email (an object variable: its serialized form). */
  private static boolean holdsText(TypedValue value, String anonymousEmail) {
    Object held = value instanceof SerializableValue serializable && !serializable.isDeserialized()
        ? serializable.getValueSerialized() : value.getValue();
    return held != null && !anonymousEmail.equals(held);
  }

  private void eraseCommentsAndAttachments(String instanceId, Counts counts) {
    int comments = tasks.getProcessInstanceComments(instanceId).size();
    if (comments > 0) {
      tasks.deleteProcessInstanceComments(instanceId);
      counts.comments += comments;
    }
    for (Attachment attachment : tasks.getProcessInstanceAttachments(instanceId)) {
      tasks.deleteAttachment(attachment.getId());
      counts.attachments++;
    }
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instanceId).list()) {
      int taskComments = tasks.getTaskComments(task.getId()).size();
      int taskAttachments = tasks.getTaskAttachments(task.getId()).size();
      if (taskComments + taskAttachments == 0) {
        continue;
      }
      if (task.getEndTime() == null) {
        tasks.deleteTaskComments(task.getId());
        tasks.getTaskAttachments(task.getId()).forEach(attachment -> tasks.deleteAttachment(attachment.getId()));
      } else {
        history.deleteHistoricTaskInstance(task.getId());
      }
      counts.comments += taskComments;
      counts.attachments += taskAttachments;
    }
  }
}
