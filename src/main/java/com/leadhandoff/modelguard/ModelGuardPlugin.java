package com.leadhandoff.modelguard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLiteralExpressionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Puts the model guard into the engine, so every deployment passes it, whatever its path (REST API and Modeler,
 * {@code ModelDeployer}, any {@code RepositoryService} call):
 * <ul>
 *   <li>a <em>pre-deployer</em> checks every file of a new deployment before the engine's own deployers parse it and
 *       throws {@link ModelRefusedException} with every violation: the deployment command's transaction rolls back,
 *       so nothing of it is stored, scheduled or started. (A BPMN parse listener sees one element at a time and no
 *       CMMN or other files; the pre-deployer sees the whole deployment and can list everything at once.)</li>
 *   <li>the engine's DMN engine is {@link FeelOnly}, and a decision evaluation listener fails the step when a decision
 *       returns a result outside its {@link DecisionContracts contract}.</li>
 * </ul>
 * Camunda registers both through {@code ProcessEnginePlugin} and {@code ProcessEngineConfigurationImpl}, which exist
 * only in its {@code impl} packages.
 */
@Component
public class ModelGuardPlugin extends AbstractProcessEnginePlugin {

  private final ModelGuard guard;

  public ModelGuardPlugin(ModelGuard guard) {
    this.guard = guard;
  }

  /** The DMN engine configuration the process engine will build its DMN engine from, created if none is set yet. */
  public static DefaultDmnEngineConfiguration dmnConfigurationOf(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    return dmn;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers = new ArrayList<>(configuration.getCustomPreDeployers() == null ? List.of() : configuration.getCustomPreDeployers());
    preDeployers.add(this::check);
    configuration.setCustomPreDeployers(preDeployers);

    DefaultDmnEngineConfiguration dmn = FeelOnly.install(dmnConfigurationOf(configuration));
    List<DmnDecisionEvaluationListener> listeners = new ArrayList<>(dmn.getCustomPostDecisionEvaluationListeners());
    listeners.add(ModelGuardPlugin::checkContract);
    dmn.setCustomPostDecisionEvaluationListeners(listeners);
  }

  private void check(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // a stored deployment loaded into the cache again was checked when it was made
    }
    List<Violation> violations = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      violations.addAll(guard.check(resource.getName(), resource.getBytes()));
    }
    if (!violations.isEmpty()) {
      throw new ModelRefusedException(violations);
    }
  }

  /** A result outside the contract stops the step: an incident in Cockpit for a job, an error for a caller. */
  private static void checkContract(DmnDecisionEvaluationEvent event) {
    DmnDecisionLogicEvaluationEvent result = event.getDecisionResult();
    String key = result.getDecision().getKey();
    DecisionContracts.problemWith(key, rows(result)).ifPresent(problem -> {
      String version = result.getDecision() instanceof DecisionDefinition definition ? " (version " + definition.getVersion() + ")" : "";
      throw new DecisionContractViolation(problem.replaceFirst(java.util.regex.Pattern.quote(key), key + version)
          + ". The step stops here instead of taking a default path; deploy a version of " + key + " within its contract"
          + " (see DecisionContracts) and retry.");
    });
  }

  private static List<Map<String, Object>> rows(DmnDecisionLogicEvaluationEvent result) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (result instanceof DmnDecisionTableEvaluationEvent table) {
      if (table.getCollectResultName() != null) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(table.getCollectResultName(), table.getCollectResultValue() == null ? null : table.getCollectResultValue().getValue());
        rows.add(row);
        return rows;
      }
      for (DmnEvaluatedDecisionRule rule : table.getMatchingRules()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
          row.put(output.getOutputName(), output.getValue() == null ? null : output.getValue().getValue());
        }
        rows.add(row);
      }
    } else if (result instanceof DmnDecisionLiteralExpressionEvaluationEvent literal) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(literal.getOutputName(), literal.getOutputValue() == null ? null : literal.getOutputValue().getValue());
      rows.add(row);
    }
    return rows;
  }

  /** A decision returned what the processes cannot handle. */
  public static class DecisionContractViolation extends ProcessEngineException {
    public DecisionContractViolation(String message) {
      super(message);
    }
  }
}
