package com.leadhandoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.security.Groups;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Fifty integrations racing on PostgreSQL: one lead and one process, whatever the interleaving. */
@LeadHandoffTest
class ConcurrentCaptureIT {

  static final int PARALLEL = 50;

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
    PostgresDatabase.fresh("lead_handoff_concurrency_it", registry);
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, "racer", Groups.INTEGRATION);
  }

  private List<ApiClient.Response> race(Callable<ApiClient.Response> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ApiClient.Response>> futures = new ArrayList<>();
    for (int i = 0; i < PARALLEL; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return request.call();
      }));
    }
    start.countDown();
    List<ApiClient.Response> responses = new ArrayList<>();
    for (Future<ApiClient.Response> future : futures) {
      responses.add(future.get(120, TimeUnit.SECONDS));
    }
    pool.shutdown();
    return responses;
  }

  private static String lead(String email) {
    return "{\"contact\": {\"email\": \"" + email + "\", \"title\": \"CTO\"}, "
        + "\"company\": {\"name\": \"Acme\", \"size\": 800, \"industry\": \"software\", \"country\": \"DE\"}, \"source\": \"webinar\"}";
  }

  private long leadsWithEmail(String email) {
    return jdbc.sql("select count(*) from leads where email = :email").param("email", email).query(Long.class).single();
  }

  @Test
  void fiftyIdenticalSubmissionsWithOneIdempotencyKeyCreateOneLeadAndOneProcess() throws Exception {
    String email = "same-key-" + UUID.randomUUID() + "@acme.example";
    String key = "webform-submit-" + UUID.randomUUID();

    List<ApiClient.Response> responses = race(() ->
        api.send("POST", "/api/leads", "racer", TestUsers.PASSWORD, lead(email), Map.of("Idempotency-Key", key)));

    assertThat(responses).extracting(ApiClient.Response::status).containsOnly(201);
    assertThat(responses.stream().map(r -> r.json().get("id").asText()).distinct()).hasSize(1);
    assertThat(leadsWithEmail(email)).isEqualTo(1);
    String id = responses.get(0).json().get("id").asText();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
  }

  @Test
  void fiftySubmissionsOfOneNewEmailCreateOneLeadAndEngageIt49Times() throws Exception {
    String email = "same-email-" + UUID.randomUUID() + "@acme.example";

    List<ApiClient.Response> responses = race(() -> api.post("/api/leads", "racer", TestUsers.PASSWORD, lead(email)));

    assertThat(responses).extracting(ApiClient.Response::status).containsOnly(200, 201);
    assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
    assertThat(responses.stream().map(r -> r.json().get("id").asText()).distinct()).hasSize(1);
    assertThat(leadsWithEmail(email)).isEqualTo(1);
    String id = responses.get(0).json().get("id").asText();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from lead_activities where lead_id = cast(:id as uuid) and type = 'form-submission'")
        .param("id", id).query(Long.class).single()).isEqualTo(PARALLEL - 1);
  }
}
