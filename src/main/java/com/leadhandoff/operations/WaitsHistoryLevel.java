package com.leadhandoff.operations;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.springframework.stereotype.Component;

/**
 * The history level {@value #NAME} (application.yaml): Camunda's ACTIVITY history without the activity instances of
 * automatic steps, the gateways (but for the event-based one, where a lead waits), business rule and service tasks.
 * Those steps start and end in the same transaction; what they did is the lead's journal, decision audit, routing
 * ledger and SLA clocks. Their rows were 9 of a nurtured lead's 11 activity instances and, at 1.2 KiB each with the
 * table's indexes (bench/run memory), the largest share of its database space. Process instances, user tasks, events and call
 * activities keep their full history.
 *
 * <p>It has ACTIVITY's id, 1: a database created at ACTIVITY (where the engine stores the level's id and refuses to
 * start with another) starts with it, and with ACTIVITY again.
 */
@Component
public class WaitsHistoryLevel extends AbstractProcessEnginePlugin implements HistoryLevel {

  public static final String NAME = "activity-waits";

  private static final Set<HistoryEventType> ACTIVITY_INSTANCE_EVENTS = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
      HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_END, HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryLevels() == null) {
      configuration.setCustomHistoryLevels(new ArrayList<>());
    }
    configuration.getCustomHistoryLevels().add(this);
  }

  @Override
  public int getId() {
    return HISTORY_LEVEL_ACTIVITY.getId();
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (!HISTORY_LEVEL_ACTIVITY.isHistoryEventProduced(eventType, entity)) {
      return false;
    }
    return !(ACTIVITY_INSTANCE_EVENTS.contains(eventType) && entity instanceof DelegateExecution execution
        && isAutomatic(execution.getBpmnModelElementInstance()));
  }

  private static boolean isAutomatic(FlowElement step) {
    return step instanceof Gateway && !(step instanceof EventBasedGateway)
        || step instanceof BusinessRuleTask || step instanceof ServiceTask || step instanceof ScriptTask;
  }
}
