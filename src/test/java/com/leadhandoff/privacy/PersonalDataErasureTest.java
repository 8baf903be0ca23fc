package com.leadhandoff.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.Jobs;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.security.Groups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data subject asks to be forgotten: after the erasure no table of the database (the app's and Camunda's,
 * runtime and history) holds their email or name, not even in a variable nobody declared, while the lead still counts in
 * the funnel.
 */
class PersonalDataErasureTest extends LeadScenario {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired PersonalData personal;
  ApiClient api;

  @BeforeEach
  void users() {
    api = new ApiClient(port);
    TestUsers.ensure(engine.getIdentityService(), "privacy-admin", Groups.ADMINS);
    TestUsers.ensure(engine.getIdentityService(), "privacy-marketing", Groups.MARKETING);
  }

  private Task task(Lead lead) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult();
  }

  @Test
  void afterErasureNoTableHoldsTheEmailOrNameAndTheFunnelStillCountsTheLead() {
    String name = "Erasmus" + UUID.randomUUID().toString().substring(0, 8);
    String email = "erase-" + UUID.randomUUID() + "@acme.example";
    Lead waiting = TestLeads.gradeANamed(capture, name, email, "webinar", "privacy-campaign", "demo-request");
    String otherName = "Forgotten" + UUID.randomUUID().toString().substring(0, 8);
    String otherEmail = "rejected-" + UUID.randomUUID() + "@acme.example";
    Lead rejected = TestLeads.gradeANamed(capture, otherName, otherEmail, "webinar", "privacy-campaign", "demo-request");
    engine.getTaskService().complete(task(rejected).getId(), Map.of("decision", "reject", "rejectionReason", "other",
        "rejectionOther", "Spoke to " + otherName + " at " + otherEmail + ": not the buyer"));
    Jobs.runDueForLead(engine, rejected.id());
    engine.getRuntimeService().setVariable(task(waiting).getProcessInstanceId(), "noteNobodyDeclared", "Met " + name + " at the fair");
    assertThat(databaseCellsContaining(email)).as("before: the email is stored").isNotEmpty();
    assertThat(databaseCellsContaining(otherName)).as("before: the comment quotes the name").isNotEmpty();
    long funnelBefore = funnelCapturedToday();

    for (Lead lead : List.of(waiting, rejected)) {
      ApiClient.Response erased = api.send("DELETE", "/api/leads/" + lead.id() + "/personal-data", "privacy-admin", TestUsers.PASSWORD,
          "", Map.of());
      assertThat(erased.status()).isEqualTo(200);
      assertThat(erased.json().get("erasedBy").asText()).isEqualTo("privacy-admin");
      assertThat(erased.json().get("alreadyErased").asBoolean()).isFalse();
    }

    for (String personal : List.of(email, name, otherEmail, otherName)) {
      assertThat(databaseCellsContaining(personal)).as("cells still holding %s", personal).isEmpty();
    }
    assertThat(funnelCapturedToday()).as("the anonymous leads still count").isEqualTo(funnelBefore);
    assertThat(jdbc.sql("select source, campaign, status from leads where id = :id").param("id", rejected.id()).query().singleRow())
        .containsEntry("SOURCE", "webinar").containsEntry("CAMPAIGN", "privacy-campaign");
    assertThat(jdbc.sql("select erased_by from lead_erasures where lead_id = :id").param("id", waiting.id()).query(String.class).list())
        .containsExactly("privacy-admin");
    assertThat(engine.getTaskService().getVariableLocal(task(waiting).getId(), "email"))
        .as("the open task still has a (placeholder) email to show").isEqualTo("erased-" + waiting.id() + "@erased.invalid");
  }

  @Test
  void everyTextColumnOfTheLeadsRecordAndEveryDeployedFormFieldIsDeclared() {
    List<String> columns = jdbc.sql("""
        select column_name from information_schema.columns where table_schema = 'PUBLIC' and table_name = 'LEADS'
          and data_type in ('CHARACTER VARYING', 'CHARACTER', 'CHARACTER LARGE OBJECT', 'JSON')""").query(String.class).list();
    assertThat(columns).contains("EMAIL", "SOURCE");
    assertThat(personal.undeclaredLeadColumns(columns)).as("text columns of leads nobody declared in %s", PersonalData.FILE).isEmpty();
    assertThat(personal.undeclaredDeployedFields()).as("deployed form fields nobody declared").isEmpty();
  }

  @Test
  void erasingAgainIsHarmlessAndOnlyAdministratorsMayErase() {
    Lead lead = TestLeads.gradeA(capture, "again-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
    String path = "/api/leads/" + lead.id() + "/personal-data";
    assertThat(api.send("DELETE", path, null, null, "", Map.of()).status()).isEqualTo(401);
    assertThat(api.send("DELETE", path, "privacy-marketing", TestUsers.PASSWORD, "", Map.of()).status()).isEqualTo(403);
    assertThat(api.send("DELETE", path, "privacy-admin", TestUsers.PASSWORD, "", Map.of()).status()).isEqualTo(200);
    JsonNode again = api.send("DELETE", path, "privacy-admin", TestUsers.PASSWORD, "", Map.of()).json();
    assertThat(again.get("alreadyErased").asBoolean()).isTrue();
    ApiClient.Response unknown = api.send("DELETE", "/api/leads/" + UUID.randomUUID() + "/personal-data", "privacy-admin",
        TestUsers.PASSWORD, "", Map.of());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
  }

  private long funnelCapturedToday() {
    return api.get("/api/reports/funnel?groupBy=none", "privacy-admin", TestUsers.PASSWORD).json().get("rows").get(0).get("captured").asLong();
  }

  /** Every text or binary cell of every table (H2) that contains the value, as table.column. */
  private List<String> databaseCellsContaining(String value) {
    List<String> hits = new ArrayList<>();
    jdbc.sql("""
        select table_name, column_name, data_type from information_schema.columns
        where table_schema = 'PUBLIC' and data_type in ('CHARACTER VARYING', 'CHARACTER', 'CHARACTER LARGE OBJECT',
          'BINARY VARYING', 'BINARY LARGE OBJECT', 'JSON')""")
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list()
        .forEach(column -> {
          String quoted = '"' + column[1] + '"';
          String cell = column[2].startsWith("BINARY") || column[2].equals("JSON") ? "utf8tostring(" + quoted + ")" : quoted;
          long found = jdbc.sql("select count(*) from \"" + column[0] + "\" where lower(" + cell + ") like :value")
              .param("value", "%" + value.toLowerCase() + "%").query(Long.class).single();
          if (found > 0) {
            hits.add(column[0] + "." + column[1]);
          }
        });
    return hits;
  }
}
