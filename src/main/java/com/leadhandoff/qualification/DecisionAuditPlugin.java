package com.leadhandoff.qualification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.lead.DecisionRecord;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.modelguard.ModelGuardPlugin;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Sets up the engine's DMN engine: FEEL expressions parsed once ({@link ParsedOnceFeelEngine}); every decision
 * evaluated inside a lead's process instance (the business key is the lead id) recorded, including the decisions
 * it required, with key, version, matched rule ids and outputs. Records are written in the engine's transaction, so
 * the record and the process state are committed together.
 */
@Component
public class DecisionAuditPlugin extends AbstractProcessEnginePlugin implements DmnDecisionEvaluationListener {

  private final LeadRepository leads;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public DecisionAuditPlugin(@Lazy LeadRepository leads, Clock clock) {
    this.clock = clock;
    this.leads = leads;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = ModelGuardPlugin.dmnConfigurationOf(configuration);
    ParsedOnceFeelEngine.installIn(dmn);
    List<DmnDecisionEvaluationListener> listeners = new ArrayList<>(dmn.getCustomPostDecisionEvaluationListeners());
    listeners.add(this);
    dmn.setCustomPostDecisionEvaluationListeners(listeners);
  }

  @Override
  public void notify(DmnDecisionEvaluationEvent event) {
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    if (context == null || context.getExecution() == null) {
      return; // evaluated outside a lead's process, e.g. a what-if replay
    }
    String businessKey = context.getExecution().getProcessBusinessKey();
    if (businessKey == null) {
      return;
    }
    UUID leadId = UUID.fromString(businessKey);
    for (DmnDecisionLogicEvaluationEvent required : event.getRequiredDecisionResults()) {
      record(leadId, required);
    }
    record(leadId, event.getDecisionResult());
  }

  private void record(UUID leadId, DmnDecisionLogicEvaluationEvent result) {
    if (!(result.getDecision() instanceof DecisionDefinition definition)) {
      return;
    }
    List<String> matchedRules = List.of();
    Object outcome = null;
    if (result instanceof DmnDecisionTableEvaluationEvent table) {
      matchedRules = table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
      outcome = table.getCollectResultName() != null
          ? Collections.singletonMap(table.getCollectResultName(), valueOf(table.getCollectResultValue()))
          : table.getMatchingRules().stream().map(DecisionAuditPlugin::outputs).toList();
    }
    leads.addDecision(leadId, new DecisionRecord(definition.getKey(), definition.getVersion(), definition.getId(),
        matchedRules, json.valueToTree(outcome), OffsetDateTime.now(clock)));
  }

  /** The outputs of a matched rule with their own types (numbers stay numbers). */
  private static Map<String, Object> outputs(DmnEvaluatedDecisionRule rule) {
    Map<String, Object> outputs = new LinkedHashMap<>();
    for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
      outputs.put(output.getOutputName(), valueOf(output.getValue()));
    }
    return outputs;
  }

  private static Object valueOf(TypedValue value) {
    return value == null ? null : value.getValue();
  }
}
