package com.leadhandoff.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.capture.LeadSubmission;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadJournal;
import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.security.Groups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Accounts through the API (upsert, read, CSV import) and matching at capture: by domain and parent domain, never by a
 * free-mail domain, by normalised name above the threshold and not below it; the match on the lead and in its API view;
 * accounts created or updated when a lead becomes an opportunity or is won; the funnel by account status.
 * Every test uses names and domains of its own: the Spring context (and its database) is shared with other tests.
 */
@LeadHandoffTest
class AccountsTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired LeadCaptureService capture;
  @Autowired AccountService service;
  @Autowired AccountMatcher matcher;
  @Autowired AccountRepository accounts;
  @Autowired com.leadhandoff.lead.LeadRepository leads;
  @Autowired LeadJournal journal;
  ApiClient api;
  /** A word of this test's own, so its names and domains meet no other test's. */
  String word;

  @BeforeEach
  void setUp() {
    TestUsers.ensure(identity, "acct-crm", Groups.INTEGRATION);
    TestUsers.ensure(identity, "acct-manager", Groups.SALES_MANAGERS);
    TestUsers.ensure(identity, "acct-marketing", Groups.MARKETING);
    TestUsers.ensure(identity, "acct-anna", "sales-emea");
    api = new ApiClient(port);
    word = "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private ApiClient.Response put(String externalId, String json) {
    return api.send("PUT", "/api/accounts/" + externalId, "acct-crm", TestUsers.PASSWORD, json, Map.of());
  }

  private Account account(String externalId, String name, String owner, String status, String... domains) {
    return service.upsert(externalId, new AccountService.AccountInput(name, List.of(domains), owner, status)).account();
  }

  private Lead lead(String email, String company, String website) {
    return capture.capture(new LeadSubmission(new LeadSubmission.Contact(email, null, null, "VP Sales", null),
        new LeadSubmission.Company(company, 800, "software", "DE", website), "webinar", null, null, null, false, null, null,
        List.of(new LeadSubmission.Activity("demo-request", null, null))), "test");
  }

  @Test
  void aLeadMatchesItsAccountByEmailDomainWebsiteDomainOrAParentDomain() {
    Account acme = account(word + "-1", word + " Industries", "acct-anna", "customer", word + ".example");

    Lead byEmail = lead("jane@" + word + ".example", null, null);
    Lead bySubdomain = lead("joe@eu." + word + ".example", null, null);
    Lead byWebsite = lead("ann@gmail.com", null, "https://www.eu." + word + ".example/contact");

    for (Lead lead : List.of(byEmail, bySubdomain, byWebsite)) {
      assertThat(lead.accountMatch()).as(lead.contact().email()).isNotNull();
      assertThat(lead.accountMatch().accountId()).isEqualTo(acme.id());
      assertThat(lead.accountMatch().method()).isEqualTo("domain");
      assertThat(lead.accountMatch().matchedOn()).isEqualTo(word + ".example");
      assertThat(lead.accountMatch().score()).isEqualTo(1.0);
      assertThat(lead.accountMatch().status()).isEqualTo("customer");
      assertThat(lead.accountMatch().owner()).isEqualTo("acct-anna");
    }
    assertThat(lead("x@other" + word + ".example", null, null).accountMatch()).as("another domain").isNull();
  }

  @Test
  void freeMailNeverMatchesAndNoAccountMayClaimAFreeMailDomain() {
    ApiClient.Response refused = put(word, """
        {"name": "Mail Co %s", "status": "customer", "domains": ["gmail.com", "web.de"]}""".formatted(word));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").toString()).contains("domains[0]", "gmail.com is a free-mail domain", "domains[1]");
    assertThat(accounts.findByExternalId(word)).as("nothing stored").isEmpty();

    assertThat(matcher.candidateDomains("mail.yahoo.com", "yahoo.com", "gmx.de")).as("nor a free-mail provider's subdomain").isEmpty();
    assertThat(matcher.candidateDomains("eu." + word + ".example")).containsExactly("eu." + word + ".example", word + ".example");
    assertThat(lead("someone." + word + "@gmail.com", null, null).accountMatch()).as("a gmail address matches no account").isNull();
  }

  @Test
  void aCompanyNameMatchesAboveTheThresholdWithItsScoreAndNotBelowIt() {
    Account account = account(word + "-n", "Zyx" + word + " Maschinenbau GmbH", "acct-anna", "open-opportunity");

    Lead exact = lead("a@" + word + "-a.example", "ZYX" + word + " Maschinenbau AG", null);
    assertThat(exact.accountMatch().accountId()).isEqualTo(account.id());
    assertThat(exact.accountMatch().method()).isEqualTo("name");
    assertThat(exact.accountMatch().score()).as("legal forms and case do not count").isEqualTo(1.0);

    Lead typo = lead("b@" + word + "-b.example", "Zyx" + word + " Maschienbau", null);
    assertThat(typo.accountMatch()).as("a typo stays above 0.92").isNotNull();
    assertThat(typo.accountMatch().score()).isBetween(0.92, 0.999);
    assertThat(typo.accountMatch().matchedOn()).isEqualTo("Zyx" + word + " Maschienbau");

    Lead other = lead("c@" + word + "-c.example", "Zyx" + word + " Logistics Partners", null);
    assertThat(other.accountMatch()).as("another company with the same first word is below the threshold").isNull();
  }

  @Test
  void thePutIsAnIdempotentUpsertByExternalIdAndEveryBadFieldIsNamed() {
    String body = """
        {"name": "%s Corp", "status": "customer", "owner": "acct-anna", "domains": ["https://www.%s.example", "%s.example"]}"""
        .formatted(word, word, word);
    ApiClient.Response created = put("crm-" + word, body);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/accounts/crm-" + word);
    assertThat(created.json().get("domains").toString()).isEqualTo("[\"" + word + ".example\"]");

    ApiClient.Response again = put("crm-" + word, body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Account-Outcome")).isEqualTo("unchanged");
    assertThat(again.json().get("id")).isEqualTo(created.json().get("id"));
    assertThat(again.json().get("updatedAt")).as("nothing written").isEqualTo(created.json().get("updatedAt"));

    ApiClient.Response moved = put("crm-" + word, body.replace("\"customer\"", "\"former-customer\""));
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.header("Account-Outcome")).isEqualTo("updated");
    JsonNode read = api.get("/api/accounts/crm-" + word, "acct-manager", TestUsers.PASSWORD).json();
    assertThat(read.get("status").asText()).isEqualTo("former-customer");
    assertThat(read.get("owner").asText()).isEqualTo("acct-anna");

    ApiClient.Response bad = put("crm-" + word, """
        {"name": " ", "status": "friend", "owner": "nobody-%s", "domains": ["not a domain", "%s.example"]}""".formatted(word, word));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("domains[0]", "name", "owner", "status");
    assertThat(accounts.findByExternalId("crm-" + word).orElseThrow().status()).as("nothing half-written").isEqualTo("former-customer");

    ApiClient.Response taken = put("other-" + word, """
        {"name": "Other %s", "status": "target", "domains": ["%s.example"]}""".formatted(word, word));
    assertThat(taken.status()).isEqualTo(400);
    assertThat(taken.json().get("errors").toString()).contains(word + ".example belongs to account crm-" + word);
    assertThat(api.post("/api/accounts/x", "acct-crm", TestUsers.PASSWORD, "{").status()).isIn(400, 405);
    assertThat(api.send("PUT", "/api/accounts/" + word, "acct-crm", TestUsers.PASSWORD, "{not json", Map.of()).status()).isEqualTo(400);
    assertThat(api.get("/api/accounts/none-" + word, "acct-crm", TestUsers.PASSWORD).status()).isEqualTo(404);
    assertThat(api.get("/api/accounts/crm-" + word, "acct-marketing", TestUsers.PASSWORD).status()).as("marketing may not").isEqualTo(403);
  }

  @Test
  void aCsvImportReportsEveryRowAndWhyABadRowWasRejected() throws Exception {
    String csv = String.join("\n",
        "external_id,name,domains,owner,status",
        "c1-" + word + "," + word + " One," + word + "-one.example;eu." + word + "-one.example,acct-anna,customer",
        "c2-" + word + ",\"" + word + " Two, Inc.\",,,target",
        "c3-" + word + "," + word + " Three,gmail.com,,customer",
        "c4-" + word + "," + word + " Four,,nobody-" + word + ",partner",
        "c1-" + word + "," + word + " One," + word + "-one.example eu." + word + "-one.example,acct-anna,customer",
        "," + word + " Five,,,target") + "\n";
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/accounts/import"))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("acct-crm:" + TestUsers.PASSWORD).getBytes()))
            .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    assertThat(result.get("total").asInt()).isEqualTo(6);
    assertThat(result.get("created").asInt()).isEqualTo(2);
    assertThat(result.get("unchanged").asInt()).as("the same row again").isEqualTo(1);
    assertThat(result.get("rejected").asInt()).isEqualTo(3);
    JsonNode rows = result.get("rows");
    assertThat(rows.get(0).get("outcome").asText()).isEqualTo("created");
    assertThat(rows.get(2).get("message").asText()).isEqualTo("domains[0] gmail.com is a free-mail domain: every lead with an address there would match");
    assertThat(rows.get(3).get("message").asText()).contains("owner is not a user: 'nobody-" + word + "'", "status must be one of");
    assertThat(rows.get(4).get("outcome").asText()).isEqualTo("unchanged");
    assertThat(rows.get(5).get("message").asText()).startsWith("externalId must be");
    assertThat(accounts.findByExternalId("c1-" + word).orElseThrow().domains()).containsExactly("eu." + word + "-one.example", word + "-one.example");
    assertThat(accounts.findByExternalId("c3-" + word)).as("a rejected row stores nothing").isEmpty();

    HttpResponse<String> badFile = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/accounts/import"))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("acct-crm:" + TestUsers.PASSWORD).getBytes()))
            .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("id,name\n1,x\n")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(badFile.statusCode()).isEqualTo(400);
    assertThat(badFile.body()).contains("unknown column(s) [id]", "column external_id is required", "column status is required");
  }

  @Test
  void theMatchIsShownByTheLeadApiAndAnOpportunityOrAWinCreatesOrUpdatesTheAccount() {
    Account target = account("t-" + word, word + " Target Ltd", null, "target", word + ".example");
    Lead lead = lead("pat@" + word + ".example", word + " Target", null);
    JsonNode view = api.get("/api/leads/" + lead.id(), "acct-manager", TestUsers.PASSWORD).json();
    assertThat(view.get("accountMatch").get("method").asText()).isEqualTo("domain");
    assertThat(view.get("accountMatch").get("matchedOn").asText()).isEqualTo(word + ".example");
    assertThat(view.get("account").get("externalId").asText()).isEqualTo("t-" + word);

    journal.reached(lead.id(), LeadStage.OPPORTUNITY, null, null);
    assertThat(accounts.find(target.id()).orElseThrow().status()).isEqualTo("open-opportunity");
    journal.reached(lead.id(), LeadStage.WON, null, null);
    assertThat(accounts.find(target.id()).orElseThrow().status()).isEqualTo("customer");

    Lead newcomer = lead("sam@new" + word + ".example", "New " + word + " AG", null);
    assertThat(newcomer.accountMatch()).isNull();
    journal.reached(newcomer.id(), LeadStage.OPPORTUNITY, null, null);
    Account created = accounts.findByExternalId("lead-handoff:" + newcomer.id()).orElseThrow();
    assertThat(created.name()).isEqualTo("New " + word + " AG");
    assertThat(created.status()).isEqualTo("open-opportunity");
    assertThat(created.domains()).containsExactly("new" + word + ".example");
    assertThat(lead("kim@new" + word + ".example", null, null).accountMatch().accountId()).as("the next lead matches it").isEqualTo(created.id());
  }

  @Test
  void theFunnelIsGroupedByTheAccountStatusAtCapture() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-07-07T10:00:00Z"))); // a day of this test's own
    account("f-" + word, word + " Funnel", "acct-anna", "customer", word + ".example");
    lead("a@" + word + ".example", null, null);
    lead("b@" + word + ".example", null, null);
    lead("c@stranger" + word + ".example", null, null);

    JsonNode rows = api.get("/api/reports/funnel?from=2032-07-07&to=2032-07-07&groupBy=accountStatus", "acct-manager", TestUsers.PASSWORD)
        .json().get("rows");
    assertThat(rows.findValuesAsText("group")).containsExactly("(no account)", "customer");
    assertThat(rows.get(1).get("captured").asInt()).isEqualTo(2);
    assertThat(rows.get(1).get("mql").asInt()).isEqualTo(2);
    assertThat(rows.get(0).get("captured").asInt()).isEqualTo(1);
  }
}
