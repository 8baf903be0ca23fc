package com.leadhandoff.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.lead.DecisionRecord;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.security.Groups;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** A process owner changes the MQL definition in Camunda Modeler and deploys it into the running app. */
@LeadHandoffTest
class ModelerDeploymentTest {

  @LocalServerPort int port;
  @Autowired LeadCaptureService capture;
  @Autowired LeadRepository leads;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext application;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, "modeler-po", Groups.PROCESS_OWNERS);
    TestUsers.ensure(identity, "modeler-rep", "sales-americas");
  }

  @AfterEach
  void restoreTheAgreedVersion() {
    deployFromModeler("modeler-po", Candidates.agreed("mql-definition.dmn"));
  }

  /** What Camunda Modeler sends to /engine-rest/deployment/create. */
  private ApiClient.Response deployFromModeler(String user, String dmn) {
    return api.postMultipart("/engine-rest/deployment/create", user, TestUsers.PASSWORD,
        Map.of("deployment-name", "mql-definition.dmn", "deployment-source", "Camunda Modeler"),
        "mql-definition.dmn", "mql-definition.dmn", dmn.getBytes(StandardCharsets.UTF_8));
  }

  private Lead engagedGradeA(String email) {
    return TestLeads.gradeA(capture, email, "webinar", null, "demo-request");
  }

  private DecisionRecord mqlDecisionOf(Lead lead) {
    return leads.decisions(lead.id()).stream().filter(d -> d.decisionKey().equals("MqlDefinition")).findFirst().orElseThrow();
  }

  @Test
  void theNextLeadIsJudgedByTheNewVersionWhileTheEarlierLeadKeepsItsOwnWithoutARestart() {
    long startedAt = application.getStartupDate();
    Lead before = engagedGradeA("before-change@acme.example");
    DecisionRecord judgedBefore = mqlDecisionOf(before);
    assertThat(before.progress().mqlOutcome()).isEqualTo("MQL");

    ApiClient.Response deployment = deployFromModeler("modeler-po", Candidates.mqlWithGradeAThreshold(45));
    assertThat(deployment.status()).isEqualTo(200);
    assertThat(deployment.json().get("source").asText()).isEqualTo("Camunda Modeler");

    Lead after = engagedGradeA("after-change@acme.example");
    DecisionRecord judgedAfter = mqlDecisionOf(after);
    assertThat(after.progress().mqlOutcome()).as("grade A with engagement 40 is no longer MQL").isEqualTo("NURTURE");
    assertThat(judgedAfter.decisionVersion()).isEqualTo(judgedBefore.decisionVersion() + 1);

    assertThat(mqlDecisionOf(before)).as("the earlier lead keeps its recorded version").isEqualTo(judgedBefore);
    assertThat(leads.find(before.id()).orElseThrow().progress().mqlOutcome()).isEqualTo("MQL");
    assertThat(application.getStartupDate()).as("no restart").isEqualTo(startedAt);
  }

  @Test
  void aRepCannotDeployDecisions() {
    long versions = engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("MqlDefinition").count();
    assertThat(deployFromModeler("modeler-rep", Candidates.mqlWithGradeAThreshold(10)).status()).isEqualTo(403);
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("MqlDefinition").count())
        .isEqualTo(versions);
  }
}
