package com.leadhandoff.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.Jobs;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rep rejects a lead in Camunda Tasklist, in headless Chromium driven by Playwright
 * (src/test/js/tasklist-e2e.mjs): the form refuses a rejection without a reason, then takes one with a
 * reason, and the process moves on. Screenshots land in target/e2e-screenshots.
 */
class TasklistBrowserTest extends LeadScenario {

  @LocalServerPort int port;
  @Autowired FeedbackRepository feedback;

  @Test
  void aRepRejectsALeadInTasklistAndTheFormInsistsOnAReason() throws Exception {
    TestUsers.ensure(engine.getIdentityService(), "browser-rep", "sales-emea");
    Lead lead = TestLeads.gradeA(capture, "browser-" + UUID.randomUUID() + "@acme.example", "webinar", "q4", "demo-request");
    String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult().getId();
    engine.getTaskService().setAssignee(task, "browser-rep");
    Path screenshots = Path.of("target", "e2e-screenshots");

    Process browser = new ProcessBuilder("node", "tasklist-e2e.mjs", "http://localhost:" + port, "browser-rep", TestUsers.PASSWORD, task,
        screenshots.toAbsolutePath().toString())
        .directory(Path.of("src", "test", "js").toFile()).inheritIO().start();
    assertThat(browser.waitFor(180, TimeUnit.SECONDS)).as("the browser test finishes").isTrue();

    assertThat(browser.exitValue()).as("the browser test passed (see target/e2e-screenshots)").isZero();
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).as("the task is done").isZero();
    assertThat(engine.getRuntimeService().getVariable(instanceOf(lead).getId(), "rejectionReason")).isEqualTo("no-budget");
    assertThat(feedback.of(lead.id())).extracting(Feedback::reason).containsExactly("no-budget");
    Jobs.runDueForLead(engine, lead.id()); // what the job executor does after the rep's completion
    assertThat(stages(lead)).endsWith(LeadStage.REJECTED, LeadStage.RECYCLED);
    BpmnAwareTests.assertThat(instanceOf(lead)).isWaitingAt("Event_CoolDown");
    assertThat(screenshots.resolve("3-reason-required.png")).exists();
    assertThat(Files.size(screenshots.resolve("4-completed.png"))).isPositive();
  }
}
