package com.leadhandoff.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.leadhandoff.LeadScenario;
import com.leadhandoff.TaskFactsShown;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestReps;
import com.leadhandoff.TestUsers;
import com.leadhandoff.teams.TeamRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.leadhandoff.handoff.RoutingRepository;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A lead from a customer's domain through the lifecycle process: LeadRouting names the account's owner, RepAssignment
 * gives it to them, and SlaPolicy's customer row sets the accept SLA (1 business hour, warning after 30 minutes) and
 * first contact within 2; with the owner away the team's rotation gets it and the routing ledger says why.
 */
class AccountOwnerScenarioTest extends LeadScenario {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Autowired AccountService accounts;
  @Autowired RoutingRepository routing;
  @Autowired TeamRepository reps;
  @Autowired JdbcClient jdbc;
  @Autowired LeadRepository leads;
  String domain;

  @BeforeEach
  void customer() {
    TestUsers.ensure(engine.getIdentityService(), "owner-rep", "sales-emea");
    TestUsers.ensure(engine.getIdentityService(), "owner-rep-colleague", "sales-emea");
    TestReps.set(jdbc, reps, "owner-rep", null, null, 100);
    domain = "c" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    accounts.upsert("crm-" + domain, new AccountService.AccountInput("Customer " + domain, List.of(domain), "owner-rep", "customer"));
  }

  static Date berlin(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant());
  }

  private Task acceptTask(Lead lead) {
    ProcessInstance instance = instanceOf(lead);
    assertThat(instance).isWaitingAt("Task_AcceptLead");
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  @Test
  void aLeadFromACustomersDomainReachesTheOwnerWithTheCustomerSla() {
    clockAt(berlin("2026-12-01T10:00"));
    Lead lead = TestLeads.gradeA(capture, "buyer@eu." + domain, "webinar", null, "demo-request");

    Task task = acceptTask(lead);
    assertThat(task.getAssignee()).isEqualTo("owner-rep");
    assertThat(task.getDueDate()).as("accept within 1 business hour").isEqualTo(berlin("2026-12-01T11:00"));
    assertThat(task.getFollowUpDate()).as("the customer row warns after 30 minutes (a hot lead's after 45)")
        .isEqualTo(berlin("2026-12-01T10:30"));
    assertThat(leads.latestDecision(lead.id(), "SlaPolicy").orElseThrow().outcome().path(0).path("firstContactWithin").asText())
        .as("the customer row's first contact").isEqualTo("PT2H");
    assertThat(engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "queue")).isEqualTo("named-account");
    assertThat(routing.ledger(lead.id())).singleElement().satisfies(entry -> {
      assertThat(entry.assignee()).isEqualTo("owner-rep");
      assertThat(entry.reason()).isEqualTo("the account's owner (named by LeadRouting)");
    });
    assertThat(TaskFactsShown.fact(engine, task.getId(), "accountLine"))
        .isEqualTo("Known account: Customer " + domain + " (customer), owner owner-rep; matched by domain " + domain);
  }

  @Test
  void withTheOwnerAwayTheTeamsRotationGetsTheLeadAndTheLedgerSaysWhy() {
    clockAt(berlin("2026-12-02T10:00"));
    TestReps.set(jdbc, reps, "owner-rep", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 4), 100);
    Lead lead = TestLeads.gradeA(capture, "buyer@" + domain, "webinar", null, "demo-request");

    Task task = acceptTask(lead);
    assertThat(task.getAssignee()).isNotNull().isNotEqualTo("owner-rep");
    assertThat(task.getFollowUpDate()).as("still the customer's SLA").isEqualTo(berlin("2026-12-02T10:30"));
    assertThat(routing.ledger(lead.id())).singleElement().satisfies(entry -> assertThat(entry.reason())
        .startsWith("account owner owner-rep not available (out of office until 2026-12-04), so the team's rotation: "));
  }
}
