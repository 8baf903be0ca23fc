package com.leadhandoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.security.Groups;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
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
  void aServerErrorNamesALogReferenceNotTheServersInternals() {
    // the lead's process started by hand, without a lead: its first step cannot read the lead
    ApiClient.Response response = api.send("POST", "/engine-rest/process-definition/key/LeadLifecycle/start", "answers-admin",
        TestUsers.PASSWORD, "{}", Map.of());

    assertThat(response.status()).as(response.raw().body()).isGreaterThanOrEqualTo(500);
    assertThat(response.json().get("message").asText()).contains("under reference")
        .doesNotContain("ENGINE-").doesNotContain("SQL").doesNotContain("org.").doesNotContain("Exception");
  }
}
