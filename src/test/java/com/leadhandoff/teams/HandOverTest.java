package com.leadhandoff.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.handoff.RoutingRepository;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.security.Groups;
import com.leadhandoff.sla.SlaRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A rep leaves: deactivated, their open leads are offered for hand-over and move to the team with their clocks kept. */
class HandOverTest extends LeadScenario {

  @LocalServerPort int port;
  @Autowired RoutingRepository routing;
  @Autowired SlaRepository slas;
  @Autowired TeamRepository reps;

  @Test
  void twentyOpenLeadsOfADeactivatedRepAreAllHandedOverByTheRotationWithLedgerRowsAndTheirClocksKept() {
    var identity = engine.getIdentityService();
    TestUsers.ensure(identity, "ho-manager", Groups.SALES_MANAGERS);
    TestUsers.ensure(identity, "ho-leaver", "sales-emea");
    for (String taker : List.of("ho-taker-1", "ho-taker-2")) {
      TestUsers.ensure(identity, taker, "sales-emea");
      reps.saveRep(new TeamRepository.RepSettings(taker, true, 500, 1, null, 0), Map.of());
    }
    List<ProcessInstance> instances = new ArrayList<>();
    Map<String, List<Long>> timersBefore = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      Lead lead = TestLeads.gradeA(capture, "ho-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
      ProcessInstance instance = instanceOf(lead);
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
      engine.getTaskService().setAssignee(task.getId(), "ho-leaver"); // as if the rotation had given them all to ho-leaver
      engine.getRuntimeService().setVariable(instance.getId(), "assignee", "ho-leaver");
      instances.add(instance);
      timersBefore.put(instance.getId(), timerDueDates(instance));
    }
    Map<String, java.util.Date> dueBefore = dueDates(instances);

    ApiClient api = new ApiClient(port);
    ApiClient.Response deactivated = api.send("PUT", "/api/teams/sales-emea/reps/ho-leaver", "ho-manager", TestUsers.PASSWORD,
        "{\"active\": false}", Map.of());
    assertThat(deactivated.status()).as(deactivated.raw().body()).isEqualTo(200);
    assertThat(deactivated.json().path("openLeadsToHandOver").asInt()).as("their open leads are offered for hand-over").isEqualTo(20);
    assertThat(api.get("/api/teams/sales-emea/reps/ho-leaver/open-leads", "ho-manager", TestUsers.PASSWORD).json()).hasSize(20);

    ApiClient.Response handedOver = api.post("/api/teams/sales-emea/reps/ho-leaver/hand-over", "ho-manager", TestUsers.PASSWORD,
        "{\"reason\": \"Leaves the company\"}");
    assertThat(handedOver.status()).as(handedOver.raw().body()).isEqualTo(200);
    JsonNode moved = handedOver.json().path("moved");
    assertThat(moved).hasSize(20);
    assertThat(handedOver.json().path("notMoved")).isEmpty();

    for (ProcessInstance instance : instances) {
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(task.getAssignee()).isNotEqualTo("ho-leaver").isNotNull();
      assertThat(engine.getRuntimeService().getVariable(instance.getId(), "assignee")).isEqualTo(task.getAssignee());
      assertThat(task.getDueDate()).as("the SLA's due date is kept").isEqualTo(dueBefore.get(instance.getId()));
      assertThat(timerDueDates(instance)).as("the SLA's timers are kept").isEqualTo(timersBefore.get(instance.getId()));
      UUID lead = UUID.fromString(instance.getBusinessKey());
      assertThat(slas.clocks(lead)).singleElement().satisfies(clock -> assertThat(clock.assignee()).isEqualTo(task.getAssignee()));
      RoutingRepository.LedgerEntry last = routing.ledger(lead).get(routing.ledger(lead).size() - 1);
      assertThat(last.assignee()).isEqualTo(task.getAssignee());
      assertThat(last.reason()).startsWith("handed over from ho-leaver by ho-manager: Leaves the company (weighted rotation: weight 1 of ");
    }
    assertThat(engine.getTaskService().createTaskQuery().taskAssignee("ho-leaver").count()).isZero();
  }

  private Map<String, java.util.Date> dueDates(List<ProcessInstance> instances) {
    Map<String, java.util.Date> due = new HashMap<>();
    for (ProcessInstance instance : instances) {
      due.put(instance.getId(), engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate());
    }
    return due;
  }

  private List<Long> timerDueDates(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().orderByJobDuedate().asc().list()
        .stream().map(Job::getDuedate).map(java.util.Date::getTime).toList();
  }
}
