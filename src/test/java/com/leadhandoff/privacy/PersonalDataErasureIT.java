package com.leadhandoff.privacy;

import static com.leadhandoff.TestLeads.chosen;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.Await;
import com.leadhandoff.Jobs;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestUsers;
import com.leadhandoff.operations.PostgresDatabase;
import com.leadhandoff.security.Groups;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The erasure on PostgreSQL, checked as an auditor would: two people's leads go through the processes with their
 * names, email, company, free-text answers, task comments, an attachment, engagement and an import row, then are erased
 * through the API; afterwards no text or binary column of any table, the engine's or the app's, holds anything of theirs.
 * Every string about a person contains that person's mark, so finding the mark finds any leftover.
 */
class PersonalDataErasureIT extends LeadScenario {

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
    PostgresDatabase.fresh("lead_handoff_erasure_it", registry);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired PersonalData personal;
  ApiClient api;
  /** The name of every text variable the leads' instances held at some step. */
  final Set<String> textVariables = new TreeSet<>();

  @Test
  void afterErasureNoTextColumnOfAnyTableHoldsWhatWasErased() {
    api = new ApiClient(port);
    TestUsers.ensure(engine.getIdentityService(), "erasure-website", Groups.INTEGRATION);
    TestUsers.ensure(engine.getIdentityService(), "erasure-admin", Groups.ADMINS);
    TestUsers.ensure(engine.getIdentityService(), "erasure-rep", "sales-emea");
    clockAt("2026-12-01T09:00:00Z"); // Tuesday 10:00 in Berlin, inside the team's working hours
    String stillOpen = mark();
    String won = mark();
    UUID open = capture(stillOpen);
    UUID closed = capture(won);
    importAgain(stillOpen);
    assertThat(api.post("/api/leads/" + open + "/activities", "erasure-website", TestUsers.PASSWORD,
        "{\"type\": \"pricing-page-view\", \"content\": \"Compared plans for " + stillOpen + " Works\"}").status()).isEqualTo(201);

    for (UUID lead : List.of(open, closed)) {
      String mark = lead.equals(open) ? stillOpen : won;
      Task accept = openTask(lead);
      engine.getTaskService().createComment(accept.getId(), null, "Called " + mark + ", call back Thursday");
      engine.getTaskService().createAttachment("text/plain", accept.getId(), null, "call-notes-" + mark + ".txt", "What " + mark + " said",
          new ByteArrayInputStream(("Notes of the call with " + mark).getBytes(StandardCharsets.UTF_8)));
      complete(lead, "Task_AcceptLead", Map.of("decision", "accept"));
      clockAt("2026-12-01T10:00:00Z");
      complete(lead, "Task_LogFirstContact", Map.of("contactChannel", "phone", "contactOutcome", "reached",
          "contactedAt", ClockUtil.getCurrentTime(), "contactNote", "Spoke to " + mark + " about the pilot"));
      complete(lead, "Task_QualifyLead", Map.of("needConfirmed", true, "authority", "economic-buyer", "timeframe", "within-3-months",
          "budgetRange", "10k-50k", "firstMeetingBooked", true, "prospectSaid", mark + " said: hand-offs take us days"));
      engine.getTaskService().createComment(openTask(lead).getId(), null, "Opportunity for " + mark);
      complete(lead, "Task_WorkOpportunity", Map.of("opportunityNotes", mark + " wants the pilot in January"));
    }
    complete(closed, "Task_CloseDeal", Map.of("dealOutcome", "WON", "winFactors", chosen("integration", "pain"),
        "questionsHeard", "Does it work with the CRM of " + won + "?", "objectionsHeard", won + " worried about the price",
        "contentThatHelped", "The case study " + won + " read", "dealNotes", won + " signs in December"));
    assertThat(openTask(open).getTaskDefinitionKey()).isEqualTo("Task_CloseDeal");
    assertThat(textVariables).contains("email", "opportunityNotes", "prospectSaid", "facts");
    assertThat(textVariables.stream().filter(name -> !personal.declared(name)))
        .as("text variables nobody declared in %s", PersonalData.FILE).isEmpty();

    for (String mark : List.of(stillOpen, won)) {
      assertThat(cellsContaining(mark)).as("before the erasure, where %s is", mark)
          .containsKeys("leads.first_name", "leads.email", "leads.company_name", "act_hi_comment.message_",
              "act_hi_attachment.name_", "act_ge_bytearray.bytes_", "lead_contacts.note", "lead_feedback.comment", "lead_activities.content", "accounts.name");
    }
    assertThat(cellsContaining(stillOpen)).as("the open lead's variables").containsKey("act_ru_variable.text_");

    for (UUID lead : List.of(open, closed)) {
      ApiClient.Response erased = api.send("DELETE", "/api/leads/" + lead + "/personal-data", "erasure-admin", TestUsers.PASSWORD, "", Map.of());
      assertThat(erased.status()).isEqualTo(200);
    }

    for (String mark : List.of(stillOpen, won)) {
      assertThat(cellsContaining(mark)).as("after the erasure, cells still holding %s", mark).isEmpty();
    }
    assertThat(jdbc.sql("select source, campaign from leads where id in (:ids)").param("ids", List.of(open, closed)).query().listOfRows())
        .as("what README says stays").allSatisfy(row -> assertThat(row).containsEntry("source", "webinar").containsEntry("campaign", "erasure-q4"));
    assertThat(openTask(open).getTaskDefinitionKey()).as("the open lead's process goes on").isEqualTo("Task_CloseDeal");
  }

  /** Ten lower-case letters no other test writes. */
  private static String mark() {
    Random random = new Random();
    StringBuilder mark = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      mark.append((char) ('a' + random.nextInt(26)));
    }
    return mark.toString();
  }

  private UUID capture(String mark) {
    ApiClient.Response response = api.post("/api/leads", "erasure-website", TestUsers.PASSWORD, """
        {"contact": {"email": "gwen.%1$s@%1$s-works.example", "firstName": "Gwen%1$s", "lastName": "Fairweather%1$s",
                     "title": "VP Sales %1$s", "phone": "+49 30 1234567"},
         "company": {"name": "%1$s Works GmbH", "size": 800, "industry": "software", "country": "DE",
                     "website": "https://www.%1$s-works.example"},
         "source": "webinar", "campaign": "erasure-q4", "utm": {"source": "linkedin", "term": "%1$s hand-offs", "content": "ad-%1$s"},
         "firstTouchContent": "Webinar question from %1$s", "consent": true,
         "activities": [{"type": "demo-request", "content": "Demo for %1$s Works"}]}""".formatted(mark));
    assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
    return UUID.fromString(response.json().get("id").asText());
  }

  /** The same person again in a CSV import: merged into their open lead, one import row. */
  private void importAgain(String mark) {
    String csv = "email,source,first_name,company,first_touch_content\n"
        + "gwen.%1$s@%1$s-works.example,webinar,Gwen%1$s,%1$s Works GmbH,Imported note on %1$s\n".formatted(mark);
    ApiClient.Response accepted = api.send("POST", "/api/leads/import", "erasure-website", TestUsers.PASSWORD, csv,
        Map.of("Content-Type", "text/csv"));
    assertThat(accepted.status()).isEqualTo(202);
    String job = accepted.header("Location");
    Await.until("the import is done", Duration.ofSeconds(30),
        () -> !"RUNNING".equals(api.get(job, "erasure-website", TestUsers.PASSWORD).json().get("status").asText()));
    assertThat(api.get(job, "erasure-website", TestUsers.PASSWORD).json().get("merged").asInt()).isEqualTo(1);
  }

  private Task openTask(UUID lead) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(lead.toString()).singleResult();
  }

  private void complete(UUID lead, String taskKey, Map<String, Object> answers) {
    Task task = openTask(lead);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    noteTextVariables(lead);
    engine.getTaskService().complete(task.getId(), new HashMap<>(answers));
    Jobs.runDueForLead(engine, lead);
    noteTextVariables(lead);
  }

  private void noteTextVariables(UUID lead) {
    List<String> instances = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(lead.toString()).list()
        .stream().map(ProcessInstance::getId).toList();
    if (!instances.isEmpty()) {
      engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instances.toArray(String[]::new)).list().stream()
          .filter(v -> PersonalData.TEXT_TYPES.contains(v.getTypeName())).forEach(v -> textVariables.add(v.getName()));
    }
  }

  /** Every text, JSON or binary column of every table of the schema, engine's and app's, holding the mark: rows per table.column. */
  private Map<String, Long> cellsContaining(String mark) {
    Map<String, Long> hits = new TreeMap<>();
    jdbc.sql("""
        select c.table_name, c.column_name, c.data_type from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
        where c.table_schema = current_schema()
          and c.data_type in ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'xml')""")
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list()
        .forEach(column -> {
          String cell = '"' + column[1] + '"';
          String holds = column[2].equals("bytea") ? "position(convert_to(:mark, 'UTF8') in " + cell + ") > 0"
              : "strpos(lower(" + cell + "::text), :mark) > 0";
          long rows = jdbc.sql("select count(*) from \"" + column[0] + "\" where " + holds).param("mark", mark).query(Long.class).single();
          if (rows > 0) {
            hits.put(column[0] + "." + column[1], rows);
          }
        });
    return hits;
  }
}
