package com.leadhandoff.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.Jobs;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TaskFactsShown;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.WebappSession;
import com.leadhandoff.capture.LeadSubmission;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.security.Groups;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the forms show and how Tasklist's own calls are answered: a refused answer comes back as 400 in the form's words,
 * the form is the source of the allowed answers, and each form shows what the person needs to act.
 */
class TasklistFormsTest extends LeadScenario {

  @LocalServerPort int port;
  @Autowired FeedbackRepository feedback;
  @Autowired com.leadhandoff.handoff.RoutingRepository routing;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void people() {
    clockAt("2026-12-01T09:00:00Z"); // Tuesday 10:00 in Berlin
    TestUsers.ensure(engine.getIdentityService(), "forms-rep", "sales-emea");
    TestUsers.ensure(engine.getIdentityService(), "forms-rep-2", "sales-emea");
    TestUsers.ensure(engine.getIdentityService(), "forms-marketing", Groups.MARKETING);
    TestUsers.ensure(engine.getIdentityService(), "forms-owner", Groups.PROCESS_OWNERS);
  }

  private Lead hotLead() {
    return capture.capture(new LeadSubmission(new LeadSubmission.Contact("forms-" + UUID.randomUUID() + "@acme.example", "Jane", "Doe",
        "VP Sales", "+49 30 1234567"), new LeadSubmission.Company("Acme", 800, "software", "DE", null), "webinar", "2026-q4-webinar",
        null, null, false, null, null, List.of(new LeadSubmission.Activity("demo-request", null, null))), "test");
  }

  private Task openTask(Lead lead) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult();
  }

  private String shown(Task task, String fact) {
    return TaskFactsShown.fact(engine, task.getId(), fact);
  }

  private void complete(Lead lead, Map<String, Object> answers) {
    engine.getTaskService().complete(openTask(lead).getId(), answers);
    Jobs.runDueForLead(engine, lead.id());
  }

  /** Tasklist's own submission: POST task/{id}/submit-form on the webapps' engine API, as the logged-in rep. */
  private HttpResponse<String> submitInTasklist(String user, Task task, Map<String, Object> answers) throws Exception {
    WebappSession tasklist = new WebappSession(port, "default", "tasklist");
    assertThat(tasklist.login("tasklist", user, TestUsers.PASSWORD)).isEqualTo(200);
    tasklist.engineApi("GET", "/task/count"); // as Tasklist does after login: the new session gets its CSRF token on a read
    ObjectNode variables = json.createObjectNode();
    answers.forEach((name, value) -> variables.putObject(name).set("value", json.valueToTree(value)));
    return tasklist.engineApi("POST", "/task/" + task.getId() + "/submit-form",
        json.writeValueAsString(Map.of("variables", variables)));
  }

  @Test
  void aRefusedAnswerReachesTasklistAs400WithTheRuleInTheFormsWordsAndTheTaskStaysOpen() throws Exception {
    Lead lead = hotLead();
    Task task = openTask(lead);
    engine.getTaskService().setAssignee(task.getId(), "forms-rep");

    HttpResponse<String> refused = submitInTasklist("forms-rep", task, Map.of("decision", "reject", "rejectionReason", "other"));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).get("message").asText())
        .isEqualTo("Accept or reject lead: \"What was the other reason?\" needs an answer.");
    assertThat(refused.body()).doesNotContain("ENGINE-");
    assertThat(openTask(lead).getId()).as("the task stays open").isEqualTo(task.getId());

    HttpResponse<String> accepted = submitInTasklist("forms-rep", task, Map.of("decision", "accept"));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    Jobs.runDueForLead(engine, lead.id());
    Task contact = openTask(lead);
    HttpResponse<String> future = submitInTasklist("forms-rep", contact, Map.of("contactChannel", "phone", "contactOutcome", "reached",
        "contactedAt", "2026-12-02T10:00:00.000+01:00"));
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(json.readTree(future.body()).get("message").asText())
        .isEqualTo("Log first contact: \"When\" must not be in the future.");
  }

  @Test
  void aRejectionReasonAProcessOwnerAddsToTheFormInModelerIsAcceptedWithoutAJavaChange() throws Exception {
    Map<String, byte[]> agreed = lifecycleWithItsForms();
    ObjectNode form = (ObjectNode) json.readTree(agreed.get("accept-or-reject-lead.form"));
    for (var field : form.get("components")) {
      if ("rejectionReason".equals(field.path("key").asText())) {
        ((ArrayNode) field.get("values")).addObject().put("label", "Reseller, not an end customer").put("value", "reseller");
      }
    }
    Map<String, byte[]> changed = new LinkedHashMap<>(agreed);
    changed.put("accept-or-reject-lead.form", json.writeValueAsBytes(form));
    try {
      assertThat(deployFromModeler(changed).status()).isEqualTo(200);
      Lead lead = hotLead();

      complete(lead, Map.of("decision", "reject", "rejectionReason", "reseller", "rejectionComment", "They resell to SMBs"));

      assertThat(feedback.of(lead.id())).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("reseller"));
      assertThat(openTask(lead).getTaskDefinitionKey()).as("an unknown reason goes to the joint review")
          .isEqualTo("Task_ReviewRejection");
      assertThat(shown(openTask(lead), "rejectionSummary")).contains("Reseller, not an end customer");
    } finally {
      deployFromModeler(agreed);
    }
  }

  private Map<String, byte[]> lifecycleWithItsForms() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("lead-lifecycle.bpmn", Files.readAllBytes(Path.of("processes", "lead-lifecycle.bpmn")));
    for (String form : List.of("accept-or-reject-lead", "review-rejection", "review-grey-case", "handle-escalated-lead")) {
      files.put(form + ".form", Files.readAllBytes(Path.of("processes", "forms", form + ".form")));
    }
    return files;
  }

  /** What Camunda Modeler sends to deploy a process with the forms it links. */
  private ApiClient.Response deployFromModeler(Map<String, byte[]> files) {
    return new ApiClient(port).postMultipart("/engine-rest/deployment/create", "forms-owner", TestUsers.PASSWORD,
        Map.of("deployment-name", "lead-lifecycle.bpmn", "deployment-source", "Camunda Modeler"), files);
  }

  @Test
  void theAcceptFormShowsWhoTheLeadIsHowToReachThemWhatTheyDidAndWhyTheyAreDueThen() {
    Lead lead = hotLead();
    Task task = openTask(lead);

    assertThat(shown(task, "leadHeadline")).isEqualTo("Jane Doe, VP Sales at Acme");
    assertThat(shown(task, "leadContact")).isEqualTo(lead.contact().email() + " · +49 30 1234567");
    assertThat(shown(task, "leadCompanyLine")).isEqualTo("Acme · 800 employees · software · DE");
    assertThat(shown(task, "leadOrigin")).isEqualTo("Came in through webinar, campaign 2026-q4-webinar, on Tue 1 Dec 10:00 Berlin time");
    assertThat(shown(task, "recentActivities")).isEqualTo("- Demo request, Tue 1 Dec 10:00 Berlin time");
    assertThat(shown(task, "whyMql")).isEqualTo(leads.find(lead.id()).orElseThrow().progress().mqlReason());
    assertThat(shown(task, "previousOwner")).isEqualTo("nobody: this is the lead's first owner");
    assertThat(task.getPriority()).as("a hot lead comes first in Tasklist").isEqualTo(80);
  }

  @Test
  void marketingSeesWhoRejectedWhenAndWhyAndADisputeSendsTheLeadBackToSales() {
    Lead lead = hotLead();
    String rep = openTask(lead).getAssignee();
    complete(lead, Map.of("decision", "reject", "rejectionReason", "too-small", "rejectionComment", "Only 12 people use it"));

    Task review = openTask(lead);
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewRejection");
    assertThat(shown(review, "rejectionSummary"))
        .isEqualTo(rep + " rejected this lead on Tue 1 Dec 10:00 Berlin time: Company too small. Their note: Only 12 people use it");

    complete(lead, Map.of("reviewVerdict", "dispute", "reviewDecision", "BACK_TO_SALES",
        "reviewComment", "800 employees is our sweet spot: the fit rules are right"));

    Task again = openTask(lead);
    assertThat(again.getTaskDefinitionKey()).as("back to sales").isEqualTo("Task_AcceptLead");
    assertThat(again.getAssignee()).as("another rep works it").isNotNull().isNotEqualTo(rep);
    assertThat(routing.ledger(lead.id()).get(1).reason()).contains(rep + " (rejected this lead)");
    assertThat(shown(again, "previousOwner")).isEqualTo(rep);
    assertThat(stages(lead)).endsWith(LeadStage.REJECTED, LeadStage.MQL, LeadStage.ROUTED);
    assertThat(feedback.of(lead.id())).extracting(Feedback::kind, Feedback::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("REJECTION", "too-small"),
            org.assertj.core.groups.Tuple.tuple("REJECTION_REVIEW", "dispute"));
  }

  @Test
  void aReviewMarketingHasClaimedStaysInRejectionsToReview() {
    Lead lead = hotLead();
    complete(lead, Map.of("decision", "reject", "rejectionReason", "too-small"));
    engine.getTaskService().claim(openTask(lead).getId(), "forms-marketing");

    var filters = engine.getFilterService();
    String filter = filters.createFilterQuery().filterName("Rejections to review").singleResult().getId();
    engine.getIdentityService().setAuthentication("forms-marketing", List.of(Groups.MARKETING));
    try {
      assertThat(filters.count(filter, engine.getTaskService().createTaskQuery().processInstanceIdIn(instanceOf(lead).getId())))
          .as("marketing has no filter of its own tasks: a claimed review must not vanish").isEqualTo(1);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void whenBothTeamsSendAGreyCaseToSalesTheRepReadsTheirRationale() {
    Lead lead = capture.capture(new LeadSubmission(new LeadSubmission.Contact("grey-" + UUID.randomUUID() + "@bigcorp.example", null,
        null, null, null), new LeadSubmission.Company("Bigcorp", 6000, "mining", "JP", null), "event", null, null, null, false, null,
        null, Stream.of("demo-request", "pricing-page-view", "pricing-page-view", "pricing-page-view", "webinar-attended")
            .map(type -> new LeadSubmission.Activity(type, null, null)).toList()), "test");
    assertThat(openTask(lead).getTaskDefinitionKey()).isEqualTo("Task_JointReview");
    complete(lead, Map.of("jointDecision", "MQL", "jointRationale", "Large account and very engaged: worth a call"));

    Task accept = openTask(lead);
    assertThat(accept.getTaskDefinitionKey()).isEqualTo("Task_AcceptLead");
    assertThat(shown(accept, "whyMql")).startsWith("Marketing and sales decided together")
        .endsWith("Large account and very engaged: worth a call");
  }

  @Test
  void anEscalatedLeadIsDuePerTheSlaPolicyAndTheManagerChoosesFromTheTeamsReps() throws Exception {
    Lead lead = hotLead();
    String lifecycle = instanceOf(lead).getId();
    Jobs.travelTo(engine, lifecycle, Date.from(Instant.parse("2026-12-01T10:01:00Z")));
    Jobs.travelTo(engine, lifecycle, Date.from(Instant.parse("2026-12-01T11:02:00Z")));
    Task escalated = openTask(lead);
    assertThat(escalated.getTaskDefinitionKey()).isEqualTo("Task_EscalateToManager");

    assertThat(escalated.getDueDate()).as("hot: a manager handles it within 2 business hours")
        .isEqualTo(Date.from(Instant.parse("2026-12-01T13:02:00Z")));
    var reps = json.readTree(engine.getTaskService().getVariableLocalTyped(escalated.getId(), "teamReps").getValue().toString());
    assertThat(reps.findValuesAsText("value")).contains("forms-rep");
    assertThat(reps.findValuesAsText("label")).allMatch(label -> label.matches(".+ \\(\\d+ open\\)"));
  }
}
