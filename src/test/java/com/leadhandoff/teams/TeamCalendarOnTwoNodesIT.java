package com.leadhandoff.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffApplication;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.operations.PostgresDatabase;
import com.leadhandoff.security.Groups;
import com.leadhandoff.sla.SlaRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes (two Spring contexts) on one fresh PostgreSQL database: a company day a manager adds through one node's
 * API moves a running SLA's due date, task and timer, and both nodes count new SLAs around it, without a restart.
 */
class TeamCalendarOnTwoNodesIT {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    ClockUtil.reset();
    nodes.forEach(ConfigurableApplicationContext::close);
  }

  private ConfigurableApplicationContext node(Map<String, Object> database) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.generate-unique-process-engine-name=true",
        // without the webapps: a second Camunda webapp in one JVM shares their static runtime delegates
        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"));
    database.forEach((name, value) -> args.add("--" + name + "=" + value));
    ConfigurableApplicationContext node = new SpringApplicationBuilder(LeadHandoffApplication.class).profiles("test")
        .run(args.toArray(String[]::new));
    nodes.add(node);
    return node;
  }

  static Date berlin(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant());
  }

  @Test
  void aCompanyDayAddedThroughOneNodeMovesARunningDueDateAndBothNodesCountAroundIt() throws Exception {
    Map<String, Object> database = new HashMap<>();
    PostgresDatabase.fresh("lead_handoff_teams_it", (name, value) -> database.put(name, value.get()));
    ConfigurableApplicationContext a = node(database);
    ConfigurableApplicationContext b = node(database);
    ProcessEngine engineA = a.getBean(ProcessEngine.class);
    TestUsers.ensure(engineA.getIdentityService(), "it-manager", Groups.SALES_MANAGERS);
    TestUsers.ensure(engineA.getIdentityService(), "it-rep", "sales-emea");

    ClockUtil.setCurrentTime(berlin("2027-03-01T16:30")); // a Monday; a hot lead is due within 1 business hour
    Lead lead = TestLeads.gradeA(a.getBean(LeadCaptureService.class), "it-" + UUID.randomUUID() + "@acme.example", "webinar", null,
        "demo-request");
    Task task = engineA.getTaskService().createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(berlin("2027-03-02T09:30"));

    ApiClient nodeB = new ApiClient(Integer.parseInt(b.getEnvironment().getProperty("local.server.port")));
    ApiClient.Response added = nodeB.post("/api/teams/sales-emea/company-days", "it-manager", TestUsers.PASSWORD,
        "{\"date\": \"2027-03-02\", \"name\": \"Team offsite\"}");
    assertThat(added.status()).as(added.raw().body()).isEqualTo(200);
    assertThat(added.json().path("clocksRecounted").asInt()).isGreaterThanOrEqualTo(1);

    // node A, which counted the first SLA before the change, sees the moved due date, task and timer
    Task moved = engineA.getTaskService().createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult();
    assertThat(moved.getDueDate()).isEqualTo(berlin("2027-03-03T09:30"));
    Job breachTimer = engineA.getManagementService().createJobQuery().processInstanceId(moved.getProcessInstanceId())
        .activityId("Timer_AcceptSlaBreached").singleResult();
    assertThat(breachTimer.getDuedate()).isEqualTo(berlin("2027-03-03T09:30"));
    assertThat(a.getBean(SlaRepository.class).clocks(lead.id())).singleElement().satisfies(clock -> assertThat(clock.explanation())
        .startsWith("due Wed 3 Mar 09:30 Berlin time")
        .contains("Tue 2 Mar skipped (Team offsite (company day))")
        .contains("(was due Tue 2 Mar 09:30 Berlin time) because it-manager added the company day 2027-03-02 Team offsite"));
    assertThat(engineA.getTaskService().createTaskQuery().taskId(moved.getId()).singleResult().getFollowUpDate())
        .as("the reminder moves with the due date").isEqualTo(berlin("2027-03-03T09:15"));

    // both nodes count a new lead's SLA around the company day at once
    for (ConfigurableApplicationContext node : List.of(a, b)) {
      assertThat(node.getBean(SalesTeams.class).workingTime("sales-emea").dayOff(LocalDate.parse("2027-03-02")))
          .isEqualTo("Team offsite (company day)");
      Lead next = TestLeads.gradeA(node.getBean(LeadCaptureService.class), "it-" + UUID.randomUUID() + "@acme.example", "webinar", null,
          "demo-request");
      assertThat(node.getBean(ProcessEngine.class).getTaskService().createTaskQuery().processInstanceBusinessKey(next.id().toString())
          .singleResult().getDueDate()).isEqualTo(berlin("2027-03-03T09:30"));
    }
  }
}
