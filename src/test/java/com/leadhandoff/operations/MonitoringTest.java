package com.leadhandoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.security.Groups;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator watches: health for the load balancer, details and metrics for monitoring. */
class MonitoringTest extends LeadScenario {

  @LocalServerPort int port;
  ApiClient api;

  @BeforeEach
  void operator() {
    api = new ApiClient(port);
    TestUsers.ensure(engine.getIdentityService(), "monitoring", Groups.OPERATORS);
  }

  @Test
  void theLoadBalancerSeesOnlyTheStatusMonitoringSeesEveryComponent() {
    // a moment before any job the other tests left in the shared database falls due: nothing lags
    Job first = engine.getManagementService().createJobQuery().orderByJobDuedate().asc().listPage(0, 1).stream().findFirst().orElse(null);
    if (first != null && first.getDuedate() != null) {
      clockAt(Date.from(first.getDuedate().toInstant().minus(1, ChronoUnit.HOURS)));
    }
    ApiClient.Response health = api.get("/actuator/health", null, null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
    assertThat(health.json().has("components")).as("no component shown to anyone").isFalse();
    assertThat(api.get("/actuator/health/operations", null, null).status()).isEqualTo(401);
    JsonNode components = api.get("/actuator/health/operations", "monitoring", TestUsers.PASSWORD).json().get("components");
    assertThat(components.fieldNames()).toIterable().contains("db", "jobBacklog", "readinessState");
    assertThat(components.get("jobBacklog").get("details").has("dueJobs")).isTrue();
  }

  @Test
  void dueJobsThatWaitTooLongMakeTheBacklogLaggingWithoutFailingTheNode() {
    TestLeads.gradeA(capture, "lag-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
    clockAt(Date.from(Instant.now().plus(30, ChronoUnit.DAYS))); // its SLA timers are long due; no job executor runs here
    ApiClient.Response health = api.get("/actuator/health", null, null);
    assertThat(health.status()).as("still 200: the backlog is the cluster's, not this node's").isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("LAGGING");
  }

  @Test
  void prometheusCountsCapturedLeadsAndWatchesTeamsAndJobs() {
    TestLeads.gradeA(capture, "metrics-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
    assertThat(api.get("/actuator/prometheus", null, null).status()).isEqualTo(401);
    String metrics = api.get("/actuator/prometheus", "monitoring", TestUsers.PASSWORD).raw().body();
    assertThat(metrics).containsPattern("leadhandoff_stage_reached_total\\{[^}]*stage=\"CAPTURED\"[^}]*} [1-9]")
        .contains("leadhandoff_tasks_open{team=\"sales-emea\"}")
        .contains("leadhandoff_sla_breaches_open")
        .contains("leadhandoff_jobs_due")
        .contains("leadhandoff_jobs_failed");
  }

  @Test
  void engineLogLinesCarryTheLeadId() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getLoggingContextBusinessKey()).isEqualTo("leadId");
  }
}
