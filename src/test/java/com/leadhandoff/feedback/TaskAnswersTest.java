package com.leadhandoff.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadhandoff.ApiClient;
import com.leadhandoff.Jobs;
import com.leadhandoff.LeadScenario;
import static com.leadhandoff.TestLeads.chosen;
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
    lead = TestLeads.gradeAAtOwnCompany(capture, "answers-" + UUID.randomUUID(), "webinar", "q4", "demo-request");
  }

  private Task openTask() {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult();
  }

  private void complete(Map<String, Object> answers) {
    engine.getTaskService().complete(openTask().getId(), answers);
    Jobs.runDueForLead(engine, lead.id());
  }

  /** Completes the open task with answers that break a rule; the task must stay open and the message say the rule. */
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
      no decision                         | "Your decision" needs an answer                          |          |            |
      a decision outside the form         | "Your decision" cannot be ["maybe"]                      | maybe    |            |
      a rejection without a reason        | "Why reject?" needs an answer                            | reject   |            |
      a reason outside the list           | "Why reject?" cannot be ["leads-suck"]                   | reject   | leads-suck |
      "other" without saying what         | "What was the other reason?" needs an answer      | reject   | other      |
      """)
  void acceptOrRejectRules(String rule, String field, String decision, String reason, String comment) {
    refused(answers("decision", decision, "rejectionReason", reason, "rejectionComment", comment), field);
  }

  @Test
  void aRejectionIsKeptAsStructuredFeedbackForMarketing() {
    complete(answers("decision", "reject", "rejectionReason", "other", "rejectionOther", "They resell, they do not use it"));
    assertThat(feedback.of(lead.id())).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo("REJECTION");
      assertThat(f.reason()).isEqualTo("other");
      assertThat(f.comment()).isEqualTo("They resell, they do not use it");
    });
  }

  @Test
  void firstContactQualifyAndCloseRefuseBadAnswersThenKeepWhatWonTheDeal() {
    complete(answers("decision", "accept"));
    refused(answers("contactChannel", "pigeon", "contactOutcome", "reached"), "\"Channel\" cannot be [\"pigeon\"]");
    refused(Map.of("contactChannel", "phone", "contactOutcome", "reached", "contactedAt", "2999-01-01T10:00:00Z"),
        "\"When\" must not be in the future");
    refused(Map.of("contactChannel", "phone", "contactOutcome", "reached", "contactedAt", "2026-11-30T08:30:00Z"),
        "\"When\" must not be before the lead came in");
    refused(Map.of("contactChannel", "phone", "contactOutcome", "reached", "contactedAt", "yesterday"), "\"When\" must be a date");
    complete(Map.of("contactChannel", "phone", "contactOutcome", "reached", "contactedAt", "2026-12-01T09:00:00Z"));

    refused(Map.of("needConfirmed", "yes", "authority", "economic-buyer", "timeframe", "within-3-months", "budgetRange", "10k-50k",
        "firstMeetingBooked", true), "\"Did they name a problem we solve?\" cannot be [\"yes\"]");
    refused(Map.of("needConfirmed", true, "authority", "ceo", "timeframe", "soon", "budgetRange", "lots", "firstMeetingBooked", true),
        "\"Who do you talk to?\" cannot be [\"ceo\"]");
    complete(Map.of("needConfirmed", true, "authority", "economic-buyer", "timeframe", "within-3-months", "budgetRange", "10k-50k",
        "firstMeetingBooked", true, "prospectSaid", "We lose leads between the teams"));
    complete(Map.of("opportunityNotes", "Champion is the VP; procurement wants a pilot"));

    refused(Map.of("dealOutcome", "WON"), "\"What won it?\" needs an answer");
    refused(Map.of("dealOutcome", "WON", "winFactors", chosen("luck")), "\"What won it?\" cannot be [\"luck\"]");
    refused(Map.of("dealOutcome", "LOST"), "\"What lost it?\" needs an answer");
    refused(Map.of("dealOutcome", "MAYBE"), "\"Outcome\" cannot be [\"MAYBE\"]");
    complete(Map.of("dealOutcome", "WON", "winFactors", chosen("pain", "content"), "questionsHeard", "Does it work with HubSpot?",
        "objectionsHeard", "Too expensive for one team", "contentThatHelped", "Webinar: hand-offs that work"));

    assertThat(feedback.of(lead.id())).extracting(Feedback::kind).containsExactly("QUALIFICATION", "OPPORTUNITY", "WIN");
    assertThat(feedback.of(lead.id()).get(1).comment()).isEqualTo("Champion is the VP; procurement wants a pilot");
    Feedback win = feedback.of(lead.id()).get(2);
    assertThat(win.factors()).isEqualTo("pain,content");
    assertThat(win.contentThatHelped()).isEqualTo("Webinar: hand-offs that work");
    assertThat(win.objectionsHeard()).isEqualTo("Too expensive for one team");
  }

  @Test
  void reviewsAndEscalationsRefuseBadAnswers() {
    complete(answers("decision", "reject", "rejectionReason", "too-small"));
    refused(answers("reviewVerdict", "dispute", "reviewDecision", "NURTURE"), "\"Why do you dispute it?\" needs an answer");
    refused(answers("reviewVerdict", "agree"), "\"What happens to the lead?\" needs an answer");
    complete(answers("reviewVerdict", "agree", "reviewDecision", "DISQUALIFY", "campaignAction", "Exclude companies under 50 employees"));
    assertThat(feedback.of(lead.id())).extracting(Feedback::kind).containsExactly("REJECTION", "REJECTION_REVIEW");
    assertThat(feedback.of(lead.id()).get(1).campaignAction()).isEqualTo("Exclude companies under 50 employees");
    assertThat(feedback.of(lead.id()).get(1).contentThatHelped()).isNull();
  }

  @Test
  void aGreyCaseNeedsADecisionAndARationaleBothTeamsCanRead() {
    lead = capture.capture(new com.leadhandoff.capture.LeadSubmission(
        new com.leadhandoff.capture.LeadSubmission.Contact("grey-" + UUID.randomUUID() + "@bigcorp.example", null, null, null, null),
        new com.leadhandoff.capture.LeadSubmission.Company("Bigcorp", 6000, "mining", "JP", null), "event", null, null, null, false,
        null, null, java.util.stream.Stream.of("demo-request", "pricing-page-view", "pricing-page-view", "pricing-page-view",
            "webinar-attended").map(type -> new com.leadhandoff.capture.LeadSubmission.Activity(type, null, null)).toList()), "test");
    assertThat(openTask().getTaskDefinitionKey()).isEqualTo("Task_JointReview");
    refused(answers("jointRationale", "Looks promising"), "\"Decision\" needs an answer");
    refused(answers("jointDecision", "MQL", "jointRationale", "ok"), "\"Rationale (both teams read it)\" needs at least 10 characters");
    refused(answers("jointDecision", "MQL"), "\"Rationale (both teams read it)\" needs an answer");
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

    refused(answers("managerReason", "busy"), "\"Action\" needs an answer");
    refused(answers("managerAction", "reassign", "managerChoice", "answers-other-team", "managerReason", "knows them"),
        "\"Hand it to\" cannot be [\"answers-other-team\"]");
    refused(answers("managerAction", "extend"), "\"Reason (goes into the routing ledger)\" needs an answer");
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
    assertThat(response.json().get("message").asText()).isEqualTo("Accept or reject lead: \"Why reject?\" needs an answer.");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void everyUserTaskOpensItsDeployedCamundaForm() throws Exception {
    InputStream form = engine.getFormService().getDeployedTaskForm(openTask().getId());
    String json = new String(form.readAllBytes(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"id\": \"accept-or-reject-lead\"").contains("\"key\": \"rejectionReason\"");
  }
}
