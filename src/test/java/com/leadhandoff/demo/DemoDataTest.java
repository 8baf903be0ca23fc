package com.leadhandoff.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.WebappSession;
import com.leadhandoff.lead.LeadRepository;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo profile shows a newcomer something real: users in every role and leads in varied stages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.generate-unique-process-engine-name=true")
@ActiveProfiles({"test", "demo"})
class DemoDataTest {

  @Autowired IdentityService identity;
  @Autowired LeadRepository leads;
  @Autowired TaskService tasks;
  @Autowired DemoProperties demo;
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private int webappLogin(String app, String user) throws Exception {
    return new WebappSession(port, engine.getName(), app).login(app, user, demo.password());
  }

  @ParameterizedTest(name = "{1} logs into {0}: {2}")
  @CsvSource({
      "tasklist, anna, 200", "tasklist, carla, 200", "tasklist, mark, 200", "tasklist, maria, 200",
      "cockpit, maria, 200", "cockpit, paula, 200", "admin, admin, 200",
      "cockpit, anna, 403", "admin, maria, 403", "tasklist, olga, 403"})
  void eachRoleLogsIntoItsWebapps(String app, String user, int status) throws Exception {
    assertThat(webappLogin(app, user)).isEqualTo(status);
  }

  @Test
  void theDemoWebFormHasACaptureKeyThatReadsNoLead() {
    ApiClient api = new ApiClient(port);
    // an import's results are the capture scope's: a 404 for an unknown import, past authentication and access
    assertThat(api.withKey("GET", "/api/leads/import/" + java.util.UUID.randomUUID(), demo.webformKey(), null, java.util.Map.of())
        .status()).isEqualTo(404);
    assertThat(api.withKey("GET", "/api/leads", demo.webformKey(), null, java.util.Map.of()).status()).isEqualTo(403);
    assertThat(api.withKey("GET", "/api/leads", demo.webformKey() + "x", null, java.util.Map.of()).status()).isEqualTo(401);
  }

  @Test
  void theDemoKeepsTheNotificationEmailsItHasNoMailServerForAndShowsThemToManagers() {
    com.leadhandoff.ApiClient api = new com.leadhandoff.ApiClient(port);
    com.fasterxml.jackson.databind.JsonNode sent = com.leadhandoff.Await.until("the demo leads' assignment emails kept as sent",
        java.time.Duration.ofSeconds(30), () -> {
          com.fasterxml.jackson.databind.JsonNode kept = api.get("/api/outbox/messages?status=SENT&channel=email", "maria", demo.password()).json();
          return kept.size() > 0 ? kept : null;
        });
    assertThat(sent.get(0).get("recipient").asText()).endsWith("@demo.leadhandoff.invalid");
    assertThat(sent.findValuesAsText("subject")).anyMatch(subject -> subject.startsWith("New lead for you: "));
  }

  @Test
  void everyDemoUserLogsInWithTheDemoPasswordAndIsInItsGroups() {
    for (DemoData.DemoUser user : DemoData.USERS) {
      assertThat(identity.checkPassword(user.id(), demo.password())).as(user.id()).isTrue();
      for (String group : user.groups()) {
        assertThat(identity.createGroupQuery().groupMember(user.id()).groupId(group).count()).as(user.id() + " in " + group).isEqualTo(1);
      }
    }
  }

  @Test
  void fiftyDemoLeadsInVariedStagesAndBothTeams() {
    assertThat(leads.count()).isEqualTo(50);
    assertThat(tasks.createTaskQuery().taskCandidateGroup("sales-emea").includeAssignedTasks().count()).isPositive();
    assertThat(tasks.createTaskQuery().taskCandidateGroup("sales-americas").includeAssignedTasks().count()).isPositive();
    assertThat(tasks.createTaskQuery().taskAssigned().count()).as("assigned to a rep").isPositive();
    assertThat(tasks.createTaskQuery().taskUnassigned().count()).as("waiting in a team queue").isPositive();
    // the job executor finishes what reps completed; here the test does its work
    engine.getManagementService().createJobQuery().executable().messages().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_LogFirstContact").count()).as("accepted, first contact due").isPositive();
  }
}
