package com.leadhandoff.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.lead.Lead;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The history keeps where a lead waited, not the automatic steps between (their outcome is the lead's journal). */
class WaitsHistoryLevelTest extends LeadScenario {

  private List<String> history(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
  }

  @Test
  void theEngineRunsAtTheWaitsLevelWithActivitysId() {
    assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo(WaitsHistoryLevel.NAME);
    assertThat(new WaitsHistoryLevel().getId()).as("a database created at ACTIVITY starts with it").isEqualTo(1);
  }

  @Test
  void aLeadAtItsAcceptTaskHasTheStartAndTheTaskInItsHistory() {
    Lead lead = TestLeads.gradeA(capture, "history-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
    ProcessInstance instance = instanceOf(lead);
    assertThat(instance).isWaitingAt("Task_AcceptLead");

    assertThat(history(instance)).containsExactly("StartEvent_LeadCaptured", "Task_AcceptLead");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).count())
        .as("the task's own history is kept").isEqualTo(1);
    assertThat(leads.decisions(lead.id())).as("the decisions are in the lead's audit").hasSize(8);
  }

  @Test
  void aNurturedLeadHasTheStartAndTheWaitInItsHistory() {
    Lead lead = TestLeads.gradeA(capture, "history-nurtured-" + UUID.randomUUID() + "@acme.example", "webinar", null);
    ProcessInstance instance = instanceOf(lead);
    assertThat(instance).isWaitingAt("Gateway_NurtureEvents");

    assertThat(history(instance)).containsExactly("StartEvent_LeadCaptured", "Gateway_NurtureEvents");
  }
}
