package com.leadhandoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.security.Groups;
import com.leadhandoff.deployment.Processes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Camunda REST API answers what went wrong in words, never with the server's internals. */
@LeadHandoffTest
class EngineRestAnswersTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired LeadCaptureService capture;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, "answers-admin", Groups.ADMINS);
    TestUsers.ensure(identity, "answers-rep", "sales-emea");
    TestUsers.ensure(identity, "answers-rep-2", "sales-emea");
  }

  @Test
  void aTaskSomeoneElseTookIs409() {
    Lead lead = TestLeads.gradeA(capture, "answers-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
    Task accept = tasks.createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult();
    assertThat(accept.getAssignee()).as("the rotation gave it to a rep").isNotNull();

    String other = accept.getAssignee().equals("answers-rep") ? "answers-rep-2" : "answers-rep";
    ApiClient.Response response = api.send("POST", "/engine-rest/task/" + accept.getId() + "/claim", "answers-admin", TestUsers.PASSWORD,
        "{\"userId\": \"" + other + "\"}", Map.of());

    assertThat(response.status()).as(response.raw().body()).isEqualTo(409);
    assertThat(response.json().get("message").asText()).startsWith("Someone else has taken this task (" + accept.getAssignee() + ")");
    assertThat(tasks.createTaskQuery().taskId(accept.getId()).singleResult().getAssignee()).isEqualTo(accept.getAssignee());
  }

  @Test
  void theProductsProcessesAreNotStartedByHandButThroughTheCaptureApi() {
    long instances = runtime.createProcessInstanceQuery().count();
    String lifecycle = repository.createProcessDefinitionQuery().processDefinitionKey(Processes.LEAD_LIFECYCLE).latestVersion()
        .singleResult().getId();
    for (String path : List.of("/engine-rest/process-definition/key/LeadLifecycle/start", "/engine-rest/process-definition/key/SalesFollowUp/start",
        "/engine-rest/engine/default/process-definition/key/LeadLifecycle/submit-form", "/engine-rest/process-definition/" + lifecycle + "/start")) {
      ApiClient.Response response = api.send("POST", path, "answers-admin", TestUsers.PASSWORD, "{}", Map.of());

      assertThat(response.status()).as(path + ": " + response.raw().body()).isEqualTo(400);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.json().get("status").asInt()).isEqualTo(400);
      assertThat(response.json().get("detail").asText()).as(path).contains("POST /api/leads").doesNotContain("SQL").doesNotContain("ENGINE-");
      assertThat(response.json().get("message").asText()).as("what Camunda's clients read").isEqualTo(response.json().get("detail").asText());
    }
    assertThat(runtime.createProcessInstanceQuery().count()).as("nothing started").isEqualTo(instances);
  }

  @Test
  void anErrorOfCamundasOwnIsAProblemDetailThatKeepsCamundasMembers() {
    ApiClient.Response response = api.get("/engine-rest/task/no-such-task", "answers-admin", TestUsers.PASSWORD);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(404);
    assertThat(response.json().get("title").asText()).isEqualTo("Not Found");
    assertThat(response.json().get("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(response.json().get("detail").asText()).isEqualTo(response.json().get("message").asText()).contains("no-such-task");
  }

  @Test
  void aServerErrorNamesALogReferenceNotTheServersInternals() {
    // a decision evaluated with an input of the wrong kind: the FEEL engine fails inside the engine
    ApiClient.Response response = api.send("POST", "/engine-rest/decision-definition/key/FitPoints/evaluate", "answers-admin",
        TestUsers.PASSWORD, "{\"variables\": {\"companySize\": {\"value\": \"many\", \"type\": \"String\"}}}", Map.of());

    assertThat(response.status()).as(response.raw().body()).isGreaterThanOrEqualTo(500);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("message").asText()).contains("under reference")
        .doesNotContain("ENGINE-").doesNotContain("SQL").doesNotContain("org.").doesNotContain("Exception");
  }
}
