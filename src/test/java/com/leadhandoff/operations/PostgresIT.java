package com.leadhandoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.deployment.ModelDeployer;
import com.leadhandoff.deployment.ModelProperties;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.security.Groups;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The engine and the app's own tables on a real PostgreSQL, in a database this test creates afresh. */
@LeadHandoffTest
class PostgresIT {

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
    PostgresDatabase.fresh("lead_handoff_it", registry);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired LeadRepository leads;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired ModelDeployer deployer;
  @Autowired ModelProperties models;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, "website", Groups.INTEGRATION);
  }

  @Test
  void theEngineRunsOnPostgresqlWithTheAppsOwnSchemaBesideIt() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType()).isEqualTo("postgres");
    assertThat(jdbc.sql("select count(*) from lead_handoff_schema_history where success").query(Integer.class).single()).isPositive();
    assertThat(jdbc.sql("select count(*) from act_re_procdef where key_ = 'LeadLifecycle'").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void theEnginesBusiestStatementsHaveTheirIndexes() throws SQLException {
    assertThat(EngineIndexesTest.indexedColumns(dataSource)).containsAllEntriesOf(EngineIndexesTest.EXPECTED);
  }

  @Test
  void aLeadCapturedThroughTheApiIsStoredAndItsProcessWaitsForTheTeam() {
    ApiClient.Response response = api.post("/api/leads", "website", TestUsers.PASSWORD, """
        {"contact": {"email": "max@northwind.example", "title": "Chief Revenue Officer"},
         "company": {"name": "Northwind", "size": 2500, "industry": "software", "country": "US"},
         "source": "event", "campaign": "2026-autumn-expo", "activities": [{"type": "demo-request"}]}""");

    assertThat(response.status()).isEqualTo(201);
    UUID id = UUID.fromString(response.json().get("id").asText());
    assertThat(leads.find(id)).hasValueSatisfying(lead -> {
      assertThat(lead.progress().team()).isEqualTo("sales-americas");
      assertThat(lead.progress().queue()).isEqualTo("enterprise");
      assertThat(lead.progress().fitGrade()).isEqualTo("A");
    });
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id.toString())
        .taskDefinitionKey("Task_AcceptLead").taskCandidateGroup("sales-americas").includeAssignedTasks().count()).isEqualTo(1);
    assertThat(leads.decisions(id)).hasSize(8);
  }

  @Test
  void aRefusedLeadLeavesNoRowAndNoProcess() {
    long before = leads.count();
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
    ApiClient.Response response = api.post("/api/leads", "website", TestUsers.PASSWORD,
        "{\"contact\": {\"email\": \"x@y.example\"}, \"source\": \"fax\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(leads.count()).isEqualTo(before);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void restartingDeploysNothingNewWhenNoModelChanged() {
    assertThat(deployer.deploy(models.locations())).isEmpty();
  }

  @Test
  void everyReportAnswersOnPostgresqlInEveryGrouping() {
    TestUsers.ensure(identity, "pg-manager", Groups.SALES_MANAGERS);
    assertThat(api.post("/api/leads", "website", TestUsers.PASSWORD, """
        {"contact": {"email": "ada@contoso.example", "title": "VP Sales"},
         "company": {"name": "Contoso", "size": 900, "industry": "software", "country": "DE"},
         "source": "webinar", "activities": [{"type": "demo-request"}]}""").status()).isEqualTo(201);
    Map<String, List<String>> groupings = Map.of(
        "funnel", List.of("source", "campaign", "team", "month", "none"),
        "speed", List.of("source", "campaign", "team", "month", "none"),
        "delays", List.of("source", "campaign", "team", "month", "none"),
        "sla", List.of("source", "campaign", "team", "rep", "month", "none"),
        "rejections", List.of("source", "campaign", "team", "month", "none"),
        "outcomes", List.of("source", "campaign", "team", "month", "none"),
        "mql-rules", List.of("source", "campaign", "team", "month", "none"));
    groupings.forEach((report, groups) -> groups.forEach(group -> assertThat(
        api.get("/api/reports/" + report + "?groupBy=" + group, "pg-manager", TestUsers.PASSWORD).status())
        .as(report + " by " + group).isEqualTo(200)));
    assertThat(api.get("/api/reports/funnel?groupBy=none", "pg-manager", TestUsers.PASSWORD).json().get("rows").get(0).get("mql").asInt())
        .isPositive();
    assertThat(api.get("/api/reports/open-breaches", "pg-manager", TestUsers.PASSWORD).status()).isEqualTo(200);
  }
}
