package com.leadhandoff.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadhandoff.LeadHandoffTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deployment rules a process owner relies on. Each call of {@link ModelDeployer#deploy} is what a
 * restart does; {@link ModelRedeployOnRestartTest} shows the same across real restarts.
 */
@LeadHandoffTest
class ModelDeployerTest {

  @Autowired ModelDeployer deployer;
  @Autowired ModelProperties properties;
  @Autowired RepositoryService repository;
  @TempDir Path models;
  private Set<String> deploymentsBefore;

  @BeforeEach
  void rememberDeployments() {
    deploymentsBefore = repository.createDeploymentQuery().list().stream().map(Deployment::getId).collect(Collectors.toSet());
  }

  /** The test's models leave with it: other tests of the shared application see only the product's. */
  @AfterEach
  void removeTheTestsDeployments() {
    repository.createDeploymentQuery().list().stream().map(Deployment::getId).filter(id -> !deploymentsBefore.contains(id))
        .forEach(id -> repository.deleteDeployment(id, true));
  }

  private List<String> folder() {
    return List.of(models.toUri().toString());
  }

  private DecisionDefinition latestDecision(String key) {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
  }

  private String sourceOf(DecisionDefinition definition) {
    return repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult().getSource();
  }

  @Test
  void theModelsInGitAreDeployedAtStartAndAnUnchangedFileCreatesNoNewVersion() {
    ProcessDefinition lifecycle = repository.createProcessDefinitionQuery().processDefinitionKey("LeadLifecycle").latestVersion().singleResult();
    assertThat(lifecycle).isNotNull();
    assertThat(latestDecision("IdealCustomerFit")).isNotNull();
    assertThat(latestDecision("LeadRouting")).isNotNull();

    assertThat(deployer.deploy(properties.locations())).isEmpty();

    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("LeadLifecycle").latestVersion().singleResult().getId())
        .isEqualTo(lifecycle.getId());
  }

  @Test
  void aChangedDecisionFileBecomesTheNextVersionAndItsUnchangedNeighboursDoNot() {
    ModelFiles.write(models.resolve("changing.dmn"), ModelFiles.decision("Deploy_Changing", "first"));
    ModelFiles.write(models.resolve("steady.dmn"), ModelFiles.decision("Deploy_Steady", "same"));
    assertThat(deployer.deploy(folder())).hasSize(2);

    ModelFiles.write(models.resolve("changing.dmn"), ModelFiles.decision("Deploy_Changing", "second"));
    assertThat(deployer.deploy(folder())).hasSize(1);

    assertThat(latestDecision("Deploy_Changing").getVersion()).isEqualTo(2);
    assertThat(latestDecision("Deploy_Steady").getVersion()).isEqualTo(1);
  }

  @Test
  void aVersionDeployedFromModelerSurvivesARestartUntilTheGitFileChanges() {
    ModelFiles.write(models.resolve("rule.dmn"), ModelFiles.decision("Deploy_ModelerRule", "from git"));
    deployer.deploy(folder());
    repository.createDeployment().name("rule.dmn").source("Camunda Modeler")
        .addString("rule.dmn", ModelFiles.decision("Deploy_ModelerRule", "from Modeler")).deploy();

    assertThat(deployer.deploy(folder())).as("restart with the unchanged git file").isEmpty();
    assertThat(latestDecision("Deploy_ModelerRule").getVersion()).isEqualTo(2);
    assertThat(sourceOf(latestDecision("Deploy_ModelerRule"))).isEqualTo("Camunda Modeler");

    ModelFiles.write(models.resolve("rule.dmn"), ModelFiles.decision("Deploy_ModelerRule", "changed in git"));
    assertThat(deployer.deploy(folder())).hasSize(1);
    assertThat(latestDecision("Deploy_ModelerRule").getVersion()).isEqualTo(3);
    assertThat(sourceOf(latestDecision("Deploy_ModelerRule"))).isEqualTo(ModelDeployer.SOURCE);
  }

  @Test
  void aProcessIsDeployedWithItsFormsAndAChangedFormGivesItANewVersion() {
    ModelFiles.write(models.resolve("work.bpmn"), Bpmn.convertToString(ModelFiles.processWithForm("Deploy_WithForm", "deploy-test-form")));
    ModelFiles.write(models.resolve("forms/deploy-test-form.form"), ModelFiles.form("deploy-test-form", "Comment"));
    ModelFiles.write(models.resolve("forms/unused.form"), ModelFiles.form("deploy-test-unused", "Unused"));

    var first = deployer.deploy(folder());
    assertThat(first).hasSize(1);
    assertThat(repository.getDeploymentResourceNames(first.get(0).getId()))
        .containsExactlyInAnyOrder("work.bpmn", "deploy-test-form.form");

    assertThat(deployer.deploy(folder())).isEmpty();
    ModelFiles.write(models.resolve("forms/deploy-test-form.form"), ModelFiles.form("deploy-test-form", "Your comment"));
    assertThat(deployer.deploy(folder())).hasSize(1);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Deploy_WithForm").latestVersion().singleResult().getVersion())
        .isEqualTo(2);
  }

  @Test
  void aGitModelTheGuardRefusesFailsTheDeploymentLoudlyAndNothingOfItIsStored() {
    ModelFiles.write(models.resolve("fine.dmn"), ModelFiles.decision("Deploy_Fine", "fine"));
    ModelFiles.write(models.resolve("reflective.bpmn"), Bpmn.convertToString(Bpmn.createExecutableProcess("Deploy_Reflective")
        .camundaHistoryTimeToLive(30).startEvent()
        .serviceTask("Task_Reflect").camundaExpression("${''.getClass().forName('java.lang.Runtime')}")
        .endEvent().done()));
    long deployments = repository.createDeploymentQuery().count();

    assertThatThrownBy(() -> deployer.deploy(folder()))
        .isInstanceOf(com.leadhandoff.modelguard.ModelRefusedException.class)
        .hasMessageContaining("reflective.bpmn").hasMessageContaining("Task_Reflect").hasMessageContaining("reflection is not allowed");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Deploy_Reflective").count()).isZero();
    assertThat(repository.createDeploymentQuery().count()).as("the processes are deployed first; the refusal stops the rest")
        .isEqualTo(deployments);
  }

  @Test
  void aProcessReferencingAMissingFormIsRefusedWithItsName() {
    ModelFiles.write(models.resolve("broken.bpmn"), Bpmn.convertToString(ModelFiles.processWithForm("Deploy_Broken", "no-such-form")));

    assertThatThrownBy(() -> deployer.deploy(folder()))
        .hasMessageContaining("broken.bpmn").hasMessageContaining("no-such-form");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Deploy_Broken").count()).isZero();
  }
}
