package com.leadhandoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.WebappSession;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.lead.Lead;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who sees what in Tasklist, checked through the calls Tasklist itself makes (session login, CSRF token). */
@LeadHandoffTest
class TasklistAuthorizationTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired LeadCaptureService capture;
  String emeaTask;

  /** A logged-in Tasklist session of one user (or none). */
  final class Tasklist {
    final WebappSession session;

    Tasklist(String user) throws Exception {
      session = new WebappSession(port, "default", "tasklist");
      if (user != null) {
        assertThat(session.login("tasklist", user, TestUsers.PASSWORD)).as("login of " + user).isEqualTo(200);
      }
    }

    HttpResponse<String> engine(String method, String path) throws Exception {
      return session.engineApi(method, path);
    }

    List<String> visibleTaskIds() throws Exception {
      HttpResponse<String> response = engine("GET", "/task?maxResults=1000");
      assertThat(response.statusCode()).as("the task list answers: %s", response.body()).isEqualTo(200);
      JsonNode list = JSON.readTree(response.body());
      assertThat(list.isArray()).isTrue();
      return list.findValuesAsText("id");
    }
  }

  @BeforeEach
  void anEmeaLeadWaitsForItsTeam() {
    TestUsers.ensure(identity, "authz-emea", "sales-emea");
    TestUsers.ensure(identity, "authz-amer", "sales-americas");
    TestUsers.ensure(identity, "authz-mkt", Groups.MARKETING);
    Lead lead = TestLeads.gradeA(capture, "authz-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
    emeaTask = tasks.createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult().getId();
    tasks.setAssignee(emeaTask, null); // in the team queue
  }

  @Test
  void aRepOfTheTeamSeesAndClaimsTheTask() throws Exception {
    Tasklist emea = new Tasklist("authz-emea");
    assertThat(emea.visibleTaskIds()).contains(emeaTask);
    assertThat(emea.engine("POST", "/task/" + emeaTask + "/claim").statusCode()).isEqualTo(204);
  }

  @Test
  void aRepOfAnotherTeamCannotSeeClaimOrCompleteIt() throws Exception {
    Tasklist americas = new Tasklist("authz-amer");
    assertThat(americas.visibleTaskIds()).doesNotContain(emeaTask);
    assertThat(americas.engine("GET", "/task/" + emeaTask).statusCode()).isIn(403, 404);
    assertThat(americas.engine("POST", "/task/" + emeaTask + "/claim").statusCode()).isEqualTo(403);
    assertThat(americas.engine("POST", "/task/" + emeaTask + "/complete").statusCode()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(emeaTask).singleResult().getAssignee()).isNull();
  }

  @Test
  void marketingCannotCompleteASalesTask() throws Exception {
    Tasklist marketing = new Tasklist("authz-mkt");
    assertThat(marketing.visibleTaskIds()).doesNotContain(emeaTask);
    assertThat(marketing.engine("POST", "/task/" + emeaTask + "/complete").statusCode()).isEqualTo(403);
  }

  @Test
  void withoutLoginTasklistsCallsAre401() throws Exception {
    Tasklist anonymous = new Tasklist(null);
    assertThat(anonymous.engine("GET", "/task").statusCode()).isEqualTo(401);
    assertThat(anonymous.engine("POST", "/task/" + emeaTask + "/complete").statusCode()).isEqualTo(401);
  }

  @Test
  void eachGroupHasItsTasklistFilters() throws Exception {
    Tasklist emea = new Tasklist("authz-emea");
    assertThat(JSON.readTree(emea.engine("GET", "/filter").body()).findValuesAsText("name"))
        .contains("My open leads by due date", "Team queue", "Breached SLAs").doesNotContain("Rejections to review");
    Tasklist marketing = new Tasklist("authz-mkt");
    assertThat(JSON.readTree(marketing.engine("GET", "/filter").body()).findValuesAsText("name"))
        .contains("Rejections to review", "Grey cases to decide").doesNotContain("Team queue");
  }
}
