package com.leadhandoff.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadhandoff.ApiClient;
import com.leadhandoff.Jobs;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.lead.Lead;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each task completed with what its Camunda Form submits; each rule refuses a bad answer, also through the REST API. */
class TaskAnswersTest extends LeadScenario {

  @Autowired FeedbackRepository feedback;
  @LocalServerPort int port;
  Lead lead;

  @BeforeEach
  void mql() {
    clockAt("2026-12-01T09:00:00Z");
    TestUsers.ensure(engine.getIdentityService(), "answers-rep", "sales-emea");
    lead = TestLeads.gradeA(capture, "answers-" + UUID.randomUUID() + "@acme.example", "webinar", "q4", "demo-request");
  }

  private Task openTask() {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult();
  }

  private void complete(Map<String, Object> answers) {
    engine.getTaskService().complete(openTask().getId(), answers);
    Jobs.runDueForLead(engine, lead.id());
  }

  /** Completes the open task with answers that break a rule; the task must stay open and the message name the field. */
  private void refused(Map<String, Object> answers, String field) {
    String taskId = openTask().getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, answers))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining(field);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).as("the task stays open").isEqualTo(1);
  }

  private static Map<String, Object> answers(String... namesAndValues) {
    Map<String, Object> answers = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      answers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return answers;
  }

  @ParameterizedTest(name = "accept or reject: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      no decision                         | decision         |          |                 |
      a decision outside the form         | decision         | maybe    |                 |
      a rejection without a reason        | rejectionReason  | reject   |                 |
      a reason outside the list           | rejectionReason  | reject   | leads-suck      |
      "other" without saying what         | rejectionComment | reject   | other           |
      """)
  void acceptOrRejectRules(String rule, String field, String decision, String reason, String comment) {
    refused(answers("decision", decision, "rejectionReason", reason, "rejectionComment", comment), field);
  }

  @Test
  void aRejectionIsKeptAsStructuredFeedbackForMarketing() {
    complete(answers("decision", "reject", "rejectionReason", "other", "rejectionComment", "They resell, they do not use it"));
    assertThat(feedback.of(lead.id())).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo("REJECTION");
      assertThat(f.reason()).isEqualTo("other");
      assertThat(f.comment()).isEqualTo("They resell, they do not use it");
    });
  }

  @Test
  void firstContactQualifyAndCloseRefuseBadAnswersThenKeepWhatWonTheDeal() {
    complete(answers("decision", "accept"));
    refused(answers("contactChannel", "pigeon", "contactOutcome", "reached"), "contactChannel");
    refused(Map.of("contactChannel", "phone", "contactOutcome", "reached", "contactedAt", "2999-01-01T10:00:00Z"), "contactedAt");
    refused(Map.of("contactChannel", "phone", "contactOutcome", "reached", "contactedAt", "yesterday"), "contactedAt");
    complete(Map.of("contactChannel", "phone", "contactOutcome", "reached", "contactedAt", "2026-12-01T08:30:00Z"));

    refused(Map.of("needConfirmed", "yes", "authority", "economic-buyer", "timeframe", "within-3-months", "budgetRange", "10k-50k",
        "firstMeetingBooked", true), "needConfirmed");
    refused(Map.of("needConfirmed", true, "authority", "ceo", "timeframe", "soon", "budgetRange", "lots", "firstMeetingBooked", true),
        "authority must be one of");
    complete(Map.of("needConfirmed", true, "authority", "economic-buyer", "timeframe", "within-3-months", "budgetRange", "10k-50k",
        "firstMeetingBooked", true, "prospectSaid", "We lose leads between the teams"));
    complete(Map.of());

    refused(Map.of("dealOutcome", "WON"), "winFactors needs at least one");
    refused(Map.of("dealOutcome", "WON", "winFactors", List.of("luck")), "winFactors may only hold");
    refused(Map.of("dealOutcome", "LOST"), "lossReasons");
    refused(Map.of("dealOutcome", "MAYBE"), "dealOutcome");
    complete(Map.of("dealOutcome", "WON", "winFactors", List.of("pain", "content"), "questionsHeard", "Does it work with HubSpot?",
        "objectionsHeard", "Too expensive for one team", "contentThatHelped", "Webinar: hand-offs that work"));

    assertThat(feedback.of(lead.id())).extracting(Feedback::kind).containsExactly("QUALIFICATION", "WIN");
    Feedback win = feedback.of(lead.id()).get(1);
    assertThat(win.factors()).isEqualTo("pain,content");
    assertThat(win.contentThatHelped()).isEqualTo("Webinar: hand-offs that work");
    assertThat(win.objectionsHeard()).isEqualTo("Too expensive for one team");
  }

  @Test
  void reviewsAndEscalationsRefuseBadAnswers() {
    complete(answers("decision", "reject", "rejectionReason", "too-small"));
    refused(answers("reviewVerdict", "dispute", "reviewDecision", "NURTURE"), "reviewComment");
    refused(answers("reviewVerdict", "agree"), "reviewDecision");
    complete(answers("reviewVerdict", "agree", "reviewDecision", "DISQUALIFY", "campaignAction", "Exclude companies under 50 employees"));
    assertThat(feedback.of(lead.id())).extracting(Feedback::kind).containsExactly("REJECTION", "REJECTION_REVIEW");
    assertThat(feedback.of(lead.id()).get(1).contentThatHelped()).isEqualTo("Exclude companies under 50 employees");
  }

  @Test
  void aGreyCaseNeedsADecisionAndARationaleBothTeamsCanRead() {
    lead = capture.capture(new com.leadhandoff.capture.LeadSubmission(
        new com.leadhandoff.capture.LeadSubmission.Contact("grey-" + UUID.randomUUID() + "@bigcorp.example", null, null, null, null),
        new com.leadhandoff.capture.LeadSubmission.Company("Bigcorp", 6000, "mining", "JP", null), "event", null, null, null, false,
        null, null, java.util.stream.Stream.of("demo-request", "pricing-page-view", "pricing-page-view", "pricing-page-view",
            "webinar-attended").map(type -> new com.leadhandoff.capture.LeadSubmission.Activity(type, null, null)).toList()), "test");
    assertThat(openTask().getTaskDefinitionKey()).isEqualTo("Task_JointReview");
    refused(answers("jointRationale", "Looks promising"), "jointDecision is required");
    refused(answers("jointDecision", "MQL", "jointRationale", "ok"), "jointRationale");
    refused(answers("jointDecision", "MQL"), "jointRationale is required");
    complete(answers("jointDecision", "MQL", "jointRationale", "Large account and very engaged: worth a call"));
    assertThat(feedback.of(lead.id())).extracting(Feedback::kind).containsExactly("JOINT_REVIEW");
  }

  @Test
  void anEscalationNeedsAnActionAReasonAndForReassignmentARepOfTheTeam() {
    TestUsers.ensure(engine.getIdentityService(), "answers-other-team", "sales-americas");
    String berlin10 = "2026-12-01T09:00:00Z";
    Jobs.travelTo(engine, instanceOf(lead).getId(), java.util.Date.from(java.time.Instant.parse(berlin10).plusSeconds(3660)));
    Jobs.travelTo(engine, instanceOf(lead).getId(), java.util.Date.from(java.time.Instant.parse(berlin10).plusSeconds(7320)));
    assertThat(openTask().getTaskDefinitionKey()).isEqualTo("Task_EscalateToManager");

    refused(answers("managerReason", "busy"), "managerAction is required");
    refused(answers("managerAction", "reassign", "managerChoice", "answers-other-team", "managerReason", "knows them"),
        "managerChoice must be a rep of team sales-emea");
    refused(answers("managerAction", "extend"), "managerReason is required");
    complete(answers("managerAction", "reassign", "managerChoice", "answers-rep", "managerReason", "Anna is on holiday"));
    assertThat(openTask().getAssignee()).isEqualTo("answers-rep");
  }

  @Test
  void aRestClientCannotBypassTheFormItGetsA400AndTheTaskStaysOpen() {
    TestUsers.ensure(engine.getIdentityService(), "answers-admin", "camunda-admin");
    String taskId = openTask().getId();
    ApiClient.Response response = new ApiClient(port).post("/engine-rest/task/" + taskId + "/complete", "answers-admin",
        TestUsers.PASSWORD, "{\"variables\": {\"decision\": {\"value\": \"reject\"}}}");
    assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).contains("rejectionReason is required");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void everyUserTaskOpensItsDeployedCamundaForm() throws Exception {
    InputStream form = engine.getFormService().getDeployedTaskForm(openTask().getId());
    String json = new String(form.readAllBytes(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"id\": \"accept-or-reject-lead\"").contains("\"key\": \"rejectionReason\"");
  }
}
