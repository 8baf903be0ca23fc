package com.leadhandoff.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.security.Groups;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A process owner sees what raising the MQL bar would change, before sales feels it. */
@LeadHandoffTest
class WhatIfTest {

  @LocalServerPort int port;
  @Autowired LeadCaptureService capture;
  @Autowired LeadRepository leads;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, "process-owner", Groups.PROCESS_OWNERS);
    TestUsers.ensure(identity, "rep-whatif", "sales-emea");
  }

  private Lead gradeA(String email, String source, String campaign, String... activities) {
    return TestLeads.gradeA(capture, email, source, campaign, activities);
  }

  private ApiClient.Response whatIf(String user, String key, String candidate, String query) {
    return api.postMultipart("/api/decisions/" + key + "/what-if" + query, user, TestUsers.PASSWORD, Map.of(),
        "file", "candidate.dmn", candidate.getBytes(StandardCharsets.UTF_8));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void raisingTheGradeAEngagementBarTo45ReportsExactlyTheLeadsThatWouldStopBeingMql() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-01-06T10:00:00Z"))); // a window of its own
    Lead demoOnly = gradeA("demo-only@acme.example", "webinar", "q4-webinar", "demo-request");                 // engagement 40
    Lead demoAndWebinar = gradeA("demo-webinar@acme.example", "webinar", "q4-webinar", "demo-request", "webinar-attended"); // 60
    Lead pricingOnly = gradeA("pricing@acme.example", "paid-search", "q4-search", "pricing-page-view", "pricing-page-view",
        "pricing-page-view");                                                                                     // 25: nurture either way
    Lead referralDemo = gradeA("referral@acme.example", "referral", null, "demo-request");                      // 40 + 15 = 55
    Lead demoPaid = gradeA("demo-paid@acme.example", "paid-search", "q4-search", "demo-request");               // 40
    long definitions = engine.getRepositoryService().createDecisionDefinitionQuery().count();
    List<Lead> before = List.of(demoOnly, demoAndWebinar, pricingOnly, referralDemo, demoPaid).stream()
        .map(l -> leads.find(l.id()).orElseThrow()).toList();

    ApiClient.Response response = whatIf("process-owner", "MqlDefinition", Candidates.mqlWithGradeAThreshold(45),
        "?from=2031-01-06T09:00:00Z&to=2031-01-06T11:00:00Z");

    assertThat(response.status()).isEqualTo(200);
    JsonNode report = response.json();
    assertThat(report.get("leadsReplayed").asInt()).isEqualTo(5);
    assertThat(report.get("leadsChanged").asInt()).isEqualTo(2);
    assertThat(report.get("changedLeads").findValuesAsText("leadId"))
        .containsExactlyInAnyOrder(demoOnly.id().toString(), demoPaid.id().toString());
    assertThat(report.get("changedBySource")).hasSize(2);
    assertThat(report.get("changedBySource").get("webinar").asInt()).isEqualTo(1);
    assertThat(report.get("changedBySource").get("paid-search").asInt()).isEqualTo(1);
    assertThat(report.get("changedByCampaign").get("q4-webinar").asInt()).isEqualTo(1);
    assertThat(report.get("changedLeadsByStatus").get("ROUTED").asInt()).isEqualTo(2);
    assertThat(report.get("output").asText()).isEqualTo("mqlOutcome");
    JsonNode mql = find(report.get("outcomes"), "MQL");
    assertThat(mql.get("deployed").asInt()).isEqualTo(4);
    assertThat(mql.get("candidate").asInt()).isEqualTo(2);
    assertThat(mql.get("change").asText()).isEqualTo("-50.0%");
    assertThat(find(report.get("outcomes"), "NURTURE").get("candidate").asInt()).isEqualTo(3);

    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().count()).as("nothing deployed").isEqualTo(definitions);
    assertThat(before.stream().map(l -> leads.find(l.id()).orElseThrow()).toList()).as("no lead touched").isEqualTo(before);
  }

  @Test
  void theUnchangedAgreementChangesNothing() {
    gradeA("steady@acme.example", "webinar", null, "demo-request");
    JsonNode report = whatIf("process-owner", "MqlDefinition", Candidates.agreed("mql-definition.dmn"), "?lastLeads=1").json();
    assertThat(report.get("leadsChanged").asInt()).isZero();
    assertThat(report.get("leadsReplayed").asInt()).isEqualTo(1);
  }

  @Test
  void aCandidateThatIsNotTheDecisionIsAProblem() {
    ApiClient.Response wrongFile = whatIf("process-owner", "MqlDefinition", Candidates.agreed("lead-routing.dmn"), "");
    assertThat(wrongFile.status()).isEqualTo(400);
    assertThat(wrongFile.json().get("detail").asText()).contains("MqlDefinition");

    assertThat(whatIf("process-owner", "MqlDefinition", "not xml at all", "").status()).isEqualTo(400);
    assertThat(whatIf("process-owner", "NoSuchDecision", Candidates.agreed("mql-definition.dmn"), "").status()).isEqualTo(404);
    assertThat(whatIf("process-owner", "MqlDefinition", Candidates.agreed("mql-definition.dmn"), "?lastLeads=0").status()).isEqualTo(400);
    assertThat(whatIf("process-owner", "MqlDefinition", Candidates.agreed("mql-definition.dmn"), "?from=2026-01-02T00:00:00Z").status())
        .isEqualTo(400);
  }

  @Test
  void outcomeChangesAndTextChangesAreCountedApartOverPlainDates() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-02-03T10:00:00Z"))); // a day of its own
    Lead demoOnly = gradeA("text-demo-only@acme.example", "webinar", null, "demo-request");                          // 40
    Lead demoAndWebinar = gradeA("text-demo-webinar@acme.example", "webinar", null, "demo-request", "webinar-attended"); // 60
    // the bar goes up to 45, and the rule's reason says so
    String candidate = Candidates.mqlWithGradeAThreshold(45).replace("\"grade A with engagement 30+\"", "\"grade A with engagement 45+\"");

    JsonNode report = whatIf("process-owner", "MqlDefinition", candidate, "?from=2031-02-03&to=2031-02-03").json();

    assertThat(report.get("leadsReplayed").asInt()).as("to is an inclusive day, as in the reports").isEqualTo(2);
    assertThat(report.get("leadsChanged").asInt()).as("MQL to NURTURE").isEqualTo(1);
    assertThat(report.get("changedLeads").findValuesAsText("leadId")).containsExactly(demoOnly.id().toString());
    assertThat(report.get("textOnlyChanged").asInt()).as("still MQL, another reason").isEqualTo(1);
    assertThat(report.get("textOnlyChangedLeads").findValuesAsText("leadId")).containsExactly(demoAndWebinar.id().toString());
    assertThat(report.get("changedBySource").get("webinar").asInt()).as("only outcome changes move sources").isEqualTo(1);

    assertThat(whatIf("process-owner", "MqlDefinition", candidate, "?from=2031-02-04&to=2031-02-05").json().get("leadsReplayed").asInt())
        .isZero();
  }

  @Test
  void everyErrorIsAProblemDetail() {
    String agreed = Candidates.agreed("mql-definition.dmn");
    ApiClient.Response notMultipart = api.post("/api/decisions/MqlDefinition/what-if", "process-owner", TestUsers.PASSWORD, "{}");
    assertProblem(notMultipart, 415);

    ApiClient.Response noFile = api.postMultipart("/api/decisions/MqlDefinition/what-if", "process-owner", TestUsers.PASSWORD,
        Map.of("note", "no file"), "attachment", "candidate.dmn", agreed.getBytes(StandardCharsets.UTF_8));
    assertProblem(noFile, 400);
    assertThat(noFile.json().get("detail").asText()).contains("file");

    assertProblem(whatIf("process-owner", "MqlDefinition", agreed, "?lastLeads=many"), 400);
    ApiClient.Response badDate = whatIf("process-owner", "MqlDefinition", agreed, "?from=yesterday&to=2026-11-01");
    assertProblem(badDate, 400);
    assertThat(badDate.json().get("errors").findValuesAsText("field")).containsExactly("from");
    assertProblem(whatIf("process-owner", "NoSuchDecision", agreed, ""), 404);

    ApiClient.Response unparsable = whatIf("process-owner", "MqlDefinition", agreed.replace("hitPolicy=\"FIRST\"", "hitPolicy=\"WHICHEVER\""), "");
    assertProblem(unparsable, 400);
    assertThat(unparsable.json().get("detail").asText()).as("the parser's reason").contains("WHICHEVER");

    ApiClient.Response renamed = whatIf("process-owner", "MqlDefinition", agreed.replace("name=\"mqlOutcome\"", "name=\"mqlResult\""), "");
    assertProblem(renamed, 400);
    assertThat(renamed.json().get("detail").asText()).contains("no output 'mqlOutcome'");
  }

  @Test
  void aFeelSyntaxErrorIsA400NamingTheRule() {
    gradeA("syntax-" + java.util.UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
    String candidate = Candidates.mqlWithGradeAThreshold(45).replace("<text>&gt;= 45</text>", "<text>&gt;= [45..</text>");

    ApiClient.Response response = whatIf("process-owner", "MqlDefinition", candidate, "?lastLeads=5");

    assertProblem(response, 400);
    assertThat(response.json().get("violations").findValuesAsText("elementId")).containsExactly("MqlDefinition_FitAEngaged");
    assertThat(response.json().get("detail").asText()).contains("MqlDefinition_FitAEngaged").contains("'>= [45..'")
        .contains("not valid FEEL");
  }

  private static void assertProblem(ApiClient.Response response, int status) {
    assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
  }

  @Test
  void repsCannotRunWhatIfs() {
    assertThat(whatIf("rep-whatif", "MqlDefinition", Candidates.agreed("mql-definition.dmn"), "").status()).isEqualTo(403);
  }

  private static JsonNode find(JsonNode outcomes, String value) {
    for (JsonNode outcome : outcomes) {
      if (outcome.get("value").asText().equals(value)) {
        return outcome;
      }
    }
    throw new AssertionError("no outcome " + value + " in " + outcomes);
  }
}
