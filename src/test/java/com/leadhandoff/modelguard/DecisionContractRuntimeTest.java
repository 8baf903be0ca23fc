package com.leadhandoff.modelguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.security.Groups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * At run time a decision result outside its contract stops the lead where it is: an incident in Cockpit for a step that
 * runs as a job, a refused request (nothing stored) where the caller runs the process itself. Never a silent default.
 */
class DecisionContractRuntimeTest extends LeadScenario {

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @BeforeEach
  void wednesdayMorning() {
    clockAt("2026-12-02T10:00:00Z");
  }

  @AfterEach
  void restoreTheAgreedVersions() throws IOException {
    deploy("rejection-handling.dmn", Files.readString(Path.of("decisions", "rejection-handling.dmn")));
    deploy("mql-definition.dmn", Files.readString(Path.of("decisions", "mql-definition.dmn")));
  }

  private void deploy(String name, String dmn) {
    engine.getRepositoryService().createDeployment().name(name).source("Camunda Modeler").addString(name, dmn).deploy();
  }

  /** A table the deploy check accepts (outputs, types and values within the contract) that decides only the given case. */
  private static String narrow(String key, String input, String typeRef, String entry, String... outputs) {
    StringBuilder outputColumns = new StringBuilder();
    StringBuilder outputEntries = new StringBuilder();
    for (int i = 0; i < outputs.length; i += 2) {
      outputColumns.append("<output id=\"Output_").append(i).append("\" name=\"").append(outputs[i]).append("\" typeRef=\"string\" />");
      outputEntries.append("<outputEntry id=\"Out_").append(i).append("\"><text>").append(outputs[i + 1]).append("</text></outputEntry>");
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="Definitions_Narrow" name="Narrow" namespace="http://leadhandoff.com/test">
          <decision id="%1$s" name="%1$s" camunda:historyTimeToLive="P400D">
            <decisionTable id="Table_Narrow" hitPolicy="FIRST">
              <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="%3$s"><text>%2$s</text></inputExpression></input>
              %5$s
              <rule id="Rule_Only"><inputEntry id="In_1"><text>%4$s</text></inputEntry>%6$s</rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(key, input, typeRef, entry, outputColumns, outputEntries);
  }

  @Test
  void aRejectionDecisionThatDecidesNothingIsAnIncidentAndTheLeadWaitsForAFix() {
    deploy("rejection-handling.dmn", narrow("RejectionHandling", "rejectionReason", "string", "\"spam\"",
        "rejectionAction", "\"DISQUALIFY\"", "reEntryDelay", "null", "rejectionPolicy", "\"spam is never a customer\""));
    Lead lead = TestLeads.gradeA(capture, "contract-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");

    ProcessInstance instance = rejectedUntilRetriesRunOut(lead);

    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident).as("an incident for Cockpit").isNotNull();
    assertThat(incident.getIncidentMessage()).contains("RejectionHandling").contains("no rule matched");
    assertThat(instance).isNotEnded();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "rejectionAction")).as("no default path taken").isNull();
    assertThat(stages(lead)).doesNotContain(LeadStage.RECYCLED, LeadStage.DISQUALIFIED);
  }

  @Test
  void aCaptureWhoseMqlDecisionDecidesNothingIsRefusedAndNothingIsStored() {
    deploy("mql-definition.dmn", narrow("MqlDefinition", "fitGrade", "string", "\"Z\"",
        "mqlOutcome", "\"DISQUALIFY\"", "mqlReason", "\"grade Z\""));
    TestUsers.ensure(identity, "contract-webform", Groups.INTEGRATION);
    String email = "refused-" + UUID.randomUUID() + "@acme.example";
    long leadsBefore = leads.count();
    long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();

    ApiClient.Response response = new ApiClient(port).post("/api/leads", "contract-webform", TestUsers.PASSWORD, """
        {"contact": {"email": "%s", "title": "VP Engineering"},
         "company": {"name": "Acme", "size": 800, "industry": "software", "country": "DE"},
         "source": "webinar", "consent": true}""".formatted(email));

    assertThat(response.status()).as(response.raw().body()).isEqualTo(503);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asText()).contains("MqlDefinition").contains("no rule matched").contains("Nothing");
    assertThat(leads.openLeadOf(email)).isEmpty();
    assertThat(leads.count()).isEqualTo(leadsBefore);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

}
