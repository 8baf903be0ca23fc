package com.leadhandoff.modelguard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.security.Groups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A process owner's login is not a shell: what Camunda Modeler would deploy is refused with every violation, and nothing runs. */
@LeadHandoffTest
class ModelGuardDeploymentTest {

  static final String OWNER = "guard-owner";
  @TempDir static Path markers;

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, OWNER, Groups.PROCESS_OWNERS);
  }

  static Path marker() {
    return markers.resolve("ran");
  }

  static Stream<Attacks.Attack> attacks() {
    return Attacks.all(marker());
  }

  /** What Camunda Modeler sends to /engine-rest/deployment/create. */
  private ApiClient.Response deployFromModeler(String fileName, String content) {
    return api.postMultipart("/engine-rest/deployment/create", OWNER, TestUsers.PASSWORD,
        Map.of("deployment-name", fileName, "deployment-source", "Camunda Modeler"), fileName, fileName,
        content.getBytes(StandardCharsets.UTF_8));
  }

  /** Everything a deployment could leave behind: deployments, definitions, jobs, instances. */
  private List<Long> footprint() {
    var repository = engine.getRepositoryService();
    return List.of(repository.createDeploymentQuery().count(), repository.createProcessDefinitionQuery().count(),
        repository.createDecisionDefinitionQuery().count(), engine.getManagementService().createJobQuery().count(),
        engine.getRuntimeService().createProcessInstanceQuery().count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void anAttackDeployedFromModelerIsRefusedNamingTheElementAndNothingRuns(Attacks.Attack attack) {
    List<Long> before = footprint();

    ApiClient.Response response = deployFromModeler(attack.fileName(), attack.content());

    assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
    JsonNode body = response.json();
    assertThat(body.get("type").asText()).isEqualTo("ParseException");
    assertThat(body.get("message").asText()).contains("nothing was deployed").contains(attack.elementId());
    assertThat(body.get("details").get(attack.fileName()).get("errors").findValuesAsText("mainElementId")).contains(attack.elementId());
    assertThat(footprint()).as("no deployment, definition, job or instance").isEqualTo(before);
    assertThat(marker()).as("the attack did not run").doesNotExist();
  }

  @Test
  void everyViolationOfAFileIsListed() {
    String twoAttacks = Attacks.processes(marker()).get(1).content()
        .replace("</bpmn:process>", "<bpmn:serviceTask id=\"Task_Second\" camunda:class=\"java.lang.Runtime\" /></bpmn:process>");
    ApiClient.Response response = deployFromModeler("attack.bpmn", twoAttacks);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).contains("2 violations").contains("Task_JuelScript").contains("Task_Second");
  }

  @Test
  void aDecisionThatRenamesAnOutputTheProcessesReadIsRefusedNamingIt() {
    String renamed = agreed("mql-definition.dmn").replace("name=\"mqlOutcome\"", "name=\"mqlResult\"");
    List<Long> before = footprint();

    ApiClient.Response response = deployFromModeler("mql-definition.dmn", renamed);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).contains("MqlDefinition has no output 'mqlOutcome'");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void aDecisionThatRetypesAnOutputTheProcessesReadIsRefusedNamingIt() {
    String retyped = agreed("ideal-customer-fit.dmn").replace("name=\"fitScore\" typeRef=\"integer\"", "name=\"fitScore\" typeRef=\"string\"");

    ApiClient.Response response = deployFromModeler("ideal-customer-fit.dmn", retyped);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("message").asText())
        .contains("IdealCustomerFit output 'fitScore' has type string; the processes expect integer");
  }

  @Test
  void aDecisionThatCanReturnAValueNoGatewayHandlesIsRefusedNamingTheRuleAndTheValue() {
    String agreed = agreed("mql-definition.dmn");
    String hot = agreed.replaceFirst("<text>\"JOINT_REVIEW\"</text>", "<text>\"HOT_LEAD\"</text>");
    assertThat(hot).isNotEqualTo(agreed);

    ApiClient.Response response = deployFromModeler("mql-definition.dmn", hot);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).contains("\"HOT_LEAD\"").contains("mqlOutcome").contains("no gateway handles");
  }

  @Test
  void aDecisionThatDoesNotParseIsA400WithTheParsersReason() {
    String broken = agreed("lead-priority.dmn").replace("hitPolicy=\"UNIQUE\"", "hitPolicy=\"WHICHEVER\"");

    ApiClient.Response response = deployFromModeler("lead-priority.dmn", broken);

    assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).contains("WHICHEVER");
  }

  @Test
  void aDecisionTheEngineCannotTransformIsA400WithTheEnginesReason() {
    String agreed = agreed("lead-priority.dmn");
    // well-formed and valid against the schema, but a rule with one input entry fewer than the table has inputs
    String oneEntryShort = agreed.replaceFirst("(?s)<inputEntry id=\"[^\"]*\">.*?</inputEntry>", "");
    assertThat(oneEntryShort).isNotEqualTo(agreed);

    ApiClient.Response response = deployFromModeler("lead-priority.dmn", oneEntryShort);

    assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).contains("ENGINE-22004").contains("DMN-");
  }

  @Test
  void cmmnAndOtherFilesAreRefused() {
    ApiClient.Response response = deployFromModeler("case.cmmn", "<definitions xmlns=\"http://www.omg.org/spec/CMMN/20151109/MODEL\" />");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).contains("only BPMN, DMN and Camunda Forms files may be deployed");
  }

  private static String agreed(String file) {
    try {
      return Files.readString(Path.of("decisions", file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
