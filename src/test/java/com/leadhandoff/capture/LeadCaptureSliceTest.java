package com.leadhandoff.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.Jobs;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.lead.Activity;
import com.leadhandoff.lead.DecisionRecord;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.lead.StageEvent;
import com.leadhandoff.security.Groups;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The first slice end to end: an integration posts a lead, the fit and routing decisions run, a team gets the task. */
@LeadHandoffTest
class LeadCaptureSliceTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired LeadRepository leads;
  @Autowired java.time.Clock clock;
  ApiClient api;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    api = new ApiClient(port);
    TestUsers.ensure(identity, "website", Groups.INTEGRATION);
    TestUsers.ensure(identity, "website-reader", Groups.SALES_MANAGERS); // integrations capture, they do not read leads
  }

  private String lead(String email, String title, String activities) {
    return """
        {"contact": {"email": "%s", "firstName": "Jane", "title": "%s"},
         "company": {"name": "Acme", "size": 800, "industry": "Software", "country": "de", "website": "https://www.acme.example/about"},
         "source": "webinar", "campaign": "2026-q4-webinar", "activities": [%s]}""".formatted(email, title, activities);
  }

  private ProcessInstance instanceOf(UUID id) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).singleResult();
  }

  @Test
  void aVpAtAMidMarketSoftwareCompanyInGermanyWhoAskedForADemoIsMqlAndLandsInTheEmeaQueue() {
    ApiClient.Response response = api.post("/api/leads", "website", TestUsers.PASSWORD,
        lead(" Jane.Doe@Acme.Example ", "VP Engineering", "{\"type\": \"demo-request\"}"));

    assertThat(response.status()).isEqualTo(201);
    JsonNode lead = response.json();
    UUID id = UUID.fromString(lead.get("id").asText());
    assertThat(response.header("Location")).isEqualTo("/api/leads/" + id);
    assertThat(lead.get("email").asText()).isEqualTo("jane.doe@acme.example");
    assertThat(lead.get("companyDomain").asText()).isEqualTo("acme.example");
    assertThat(lead.get("country").asText()).isEqualTo("DE");
    assertThat(lead.get("fitGrade").asText()).isEqualTo("A");
    assertThat(lead.get("fitScore").asInt()).isEqualTo(30 + 25 + 20 + 15);
    assertThat(lead.get("team").asText()).isEqualTo("sales-emea");
    assertThat(lead.get("status").asText()).isEqualTo("ROUTED");
    assertThat(lead.get("engagementScore").asInt()).isEqualTo(40);
    assertThat(lead.get("priority").asText()).isEqualTo("hot");
    assertThat(lead.get("mqlOutcome").asText()).isEqualTo("MQL");
    assertThat(lead.get("queue").asText()).isEqualTo("mid-market");
    assertThat(lead.get("utm").isObject()).as("the UTM parameters as one object").isTrue();
    assertThat(lead.has("utmSource") || lead.has("contact") || lead.has("progress")).as("the answer stays flat").isFalse();

    ProcessInstance instance = instanceOf(id);
    assertThat(instance).isWaitingAt("Task_AcceptLead");
    assertThat(task(instance)).hasCandidateGroupAssociated("sales-emea");

    assertThat(leads.stages(id)).extracting(StageEvent::stage).containsExactly(LeadStage.CAPTURED, LeadStage.MQL, LeadStage.ROUTED);
    assertThat(leads.decisions(id)).extracting(DecisionRecord::decisionKey).containsExactly(
        "FitPoints", "IdealCustomerFit", "EngagementPoints", "EngagementScore", "LeadPriority", "MqlDefinition", "LeadRouting", "SlaPolicy");
    DecisionRecord mql = leads.decisions(id).get(5);
    assertThat(mql.matchedRules()).containsExactly("MqlDefinition_FitAEngaged");
    assertThat(mql.outcome().toString()).contains("grade A with engagement 30+");
    assertThat(mql.decisionVersion()).isPositive();

    JsonNode view = api.get("/api/leads/" + id, "website-reader", TestUsers.PASSWORD).json();
    assertThat(view.get("team").asText()).isEqualTo("sales-emea");
    assertThat(view.get("decisions").findValuesAsText("decisionKey")).contains("MqlDefinition");
    JsonNode fitPoints = view.get("decisions").get(0);
    assertThat(fitPoints.get("decisionKey").asText()).isEqualTo("FitPoints");
    assertThat(fitPoints.get("outcome").get("fitPoints").isNumber()).as("a COLLECT SUM is a number: %s", fitPoints).isTrue();
    assertThat(fitPoints.get("outcome").get("fitPoints").asInt()).isEqualTo(view.get("fitScore").asInt());
    JsonNode mqlView = view.get("decisions").get(5);
    assertThat(mqlView.get("matchedRules")).as("a list of rule ids").hasSize(1);
    assertThat(mqlView.get("outcome").isArray()).as("one object of outputs per matched rule, not a JSON string").isTrue();
    assertThat(mqlView.get("outcome").get(0).get("mqlOutcome").asText()).isEqualTo("MQL");
    assertThat(view.get("stages").findValuesAsText("stage")).containsExactly("CAPTURED", "MQL", "ROUTED");
    assertThat(view.get("activities").get(0).get("type").asText()).isEqualTo("demo-request");
    assertThat(view.get("slaClocks").get(0).get("explanation").asText()).contains("business hour");
    assertThat(view.get("routing").get(0).get("reason").asText()).isNotBlank();
  }

  @Test
  void anIdealCustomerWithoutEngagementIsNurturedUntilADemoRequestMakesItMql() {
    ApiClient.Response response = api.post("/api/leads", "website", TestUsers.PASSWORD, lead("quiet@acme.example", "VP Engineering", ""));
    UUID id = UUID.fromString(response.json().get("id").asText());
    assertThat(response.json().get("mqlOutcome").asText()).isEqualTo("NURTURE");
    assertThat(instanceOf(id)).isWaitingAt("Gateway_NurtureEvents");
    assertThat(response.json().get("status").asText()).isEqualTo("NURTURING");

    leads.addActivity(id, new Activity("demo-request", OffsetDateTime.now(clock), null, OffsetDateTime.now(clock)));
    engine.getRuntimeService().createMessageCorrelation("LeadEngaged").processInstanceBusinessKey(id.toString()).correlate();
    Jobs.runDueForLead(engine, id);

    assertThat(instanceOf(id)).isWaitingAt("Task_AcceptLead");
    assertThat(leads.find(id).orElseThrow().progress().mqlOutcome()).isEqualTo("MQL");
    assertThat(leads.stages(id)).extracting(StageEvent::stage)
        .containsExactly(LeadStage.CAPTURED, LeadStage.NURTURING, LeadStage.MQL, LeadStage.ROUTED);
  }

  @Test
  void aStudentIsDisqualifiedWithTheReasonRecorded() {
    ApiClient.Response response = api.post("/api/leads", "website", TestUsers.PASSWORD,
        lead("sam@acme.example", "Working Student", "{\"type\": \"demo-request\"}"));
    UUID id = UUID.fromString(response.json().get("id").asText());
    assertThat(BpmnAwareTests.historyService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id.toString())
        .singleResult().getEndActivityId()).isEqualTo("EndEvent_Disqualified");
    assertThat(response.json().get("status").asText()).isEqualTo("DISQUALIFIED");
    assertThat(response.json().get("mqlReason").asText()).isEqualTo("student");
  }

  @Test
  void anActivityOfAnUnknownTypeIsRefused() {
    ApiClient.Response response = api.post("/api/leads", "website", TestUsers.PASSWORD,
        lead("odd@acme.example", "CTO", "{\"type\": \"liked-a-post\"}, {\"type\": \"demo-request\", \"occurredAt\": \"2999-01-01T00:00:00Z\"}"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("activities[0].type", "activities[1].occurredAt");
  }

  @Test
  void anInvalidLeadIsRefusedWithEveryBadFieldAndNothingIsWritten() {
    long leadsBefore = leads.count();
    long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();

    ApiClient.Response response = api.post("/api/leads", "website", TestUsers.PASSWORD, """
        {"contact": {"email": "not-an-email"}, "company": {"size": -3, "country": "Germany"}, "source": ""}""");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("errors").findValuesAsText("field"))
        .containsExactly("company.country", "company.size", "contact.email", "source");
    assertThat(leads.count()).isEqualTo(leadsBefore);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void aSourceOutsideTheConfiguredListIsRefused() {
    ApiClient.Response response = api.post("/api/leads", "website", TestUsers.PASSWORD,
        "{\"contact\": {\"email\": \"a@b.example\"}, \"source\": \"billboard\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("source");
    assertThat(response.json().get("errors").get(0).get("message").asText()).contains("web-form");
  }

  @Test
  void anUnreadableBodyIsAProblemNotAServerError() {
    ApiClient.Response response = api.post("/api/leads", "website", TestUsers.PASSWORD, "{\"contact\": {\"email\": ");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("title").asText()).isEqualTo("Unreadable request body");
  }

  @Test
  void anUnknownLeadIs404() {
    ApiClient.Response response = api.get("/api/leads/" + UUID.randomUUID(), "website-reader", TestUsers.PASSWORD);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }
}
