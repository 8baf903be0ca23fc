package com.leadhandoff.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.lead.Lead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A broken model deployed later never costs a rep's work or a lead: the step retries, then shows as an incident. */
class IncidentTest extends LeadScenario {


  @BeforeEach
  void wednesdayMorning() {
    clockAt("2026-12-02T10:00:00Z");
  }

  @AfterEach
  void restore() throws IOException {
    deployRejectionHandling(Files.readString(Path.of("decisions", "rejection-handling.dmn")));
  }

  private void deployRejectionHandling(String dmn) {
    engine.getRepositoryService().createDeployment().name("rejection-handling.dmn").source("Camunda Modeler")
        .addString("rejection-handling.dmn", dmn).deploy();
  }


  @Test
  void aBrokenReEntryDelayBecomesAnIncidentAfterThreeTriesAndTheLeadContinuesOnceFixed() throws IOException {
    String agreed = Files.readString(Path.of("decisions", "rejection-handling.dmn"));
    deployRejectionHandling(agreed.replace("<text>\"P90D\"</text>", "<text>\"in 90 days\"</text>"));
    Lead lead = TestLeads.gradeA(capture, "incident-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");

    ProcessInstance instance = rejectedUntilRetriesRunOut(lead);

    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident).as("an incident for Cockpit").isNotNull();
    assertThat(incident.getActivityId()).isEqualTo("Task_AcceptLead");
    assertThat(incident.getIncidentMessage()).contains("in 90 days");
    assertThat(instance).isNotEnded();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "rejectionReason")).as("the rep's answer is kept").isEqualTo("timing");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_AcceptLead").count())
        .as("the rep's task is done").isZero();
    assertThat(leads.find(lead.id())).isPresent();

    deployRejectionHandling(agreed);
    Job failed = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).noRetriesLeft().singleResult();
    engine.getManagementService().setJobRetries(failed.getId(), 1); // "Retry" in Cockpit
    engine.getManagementService().executeJob(failed.getId());
    assertThat(instance).isWaitingAt("Event_CoolDown");
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
  }
}
