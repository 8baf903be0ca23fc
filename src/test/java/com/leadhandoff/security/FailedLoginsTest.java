package com.leadhandoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.integrations.IntegrationKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Guessing is slow and locks no one out: failed logins are limited per client address (10 a minute here, as
 * configured) with 429 and Retry-After, and Camunda's own lockout is never reached. Each test is a client of its
 * own, at an address a reverse proxy on this host names in X-Forwarded-For (Tomcat trusts it from loopback).
 */
@LeadHandoffTest
class FailedLoginsTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired IntegrationKeys keys;
  @Autowired JdbcClient jdbc;
  ApiClient api;

  @BeforeEach
  void users() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, "guessed-manager", Groups.SALES_MANAGERS);
    TestUsers.ensure(identity, "locked-rep", "sales-emea");
    TestUsers.ensure(identity, "unlocking-admin", Groups.ADMINS);
  }

  private static Map<String, String> from(String address) {
    return Map.of("X-Forwarded-For", address);
  }

  private ApiClient.Response report(String password, String address) {
    return api.get("/api/reports/funnel", "guessed-manager", password, from(address));
  }

  private static String lead() {
    return """
        {"contact": {"email": "limit-%s@acme.example"}, "company": {"name": "Acme"}, "source": "web-form"}""".formatted(UUID.randomUUID());
  }

  @Test
  void fiftyWrongPasswordsFromOneClientAre429AfterTenAndTheUserStillLogsInFromElsewhere() {
    List<Integer> statuses = new ArrayList<>();
    String retryAfter = null;
    for (int i = 0; i < 50; i++) {
      ApiClient.Response response = report("guess-" + i, "198.51.100.10");
      statuses.add(response.status());
      if (response.status() == 429) {
        retryAfter = response.header("Retry-After");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      }
    }
    assertThat(statuses.subList(0, 10)).containsOnly(401);
    assertThat(statuses.subList(10, 50)).containsOnly(429);
    assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
    assertThat(report(TestUsers.PASSWORD, "198.51.100.10").status()).as("the password is not even checked").isEqualTo(429);

    assertThat(report(TestUsers.PASSWORD, "198.51.100.11").status()).as("the manager, elsewhere").isEqualTo(200);
  }

  @Test
  void wrongPasswordsFromManyAddressesNeverLockTheAccount() {
    for (int address = 0; address < 12; address++) { // 60 wrong passwords reach Camunda: its default locks after 10
      for (int i = 0; i < 5; i++) {
        assertThat(report("guess-" + i, "198.51.100." + (100 + address)).status()).isEqualTo(401);
      }
    }
    assertThat(report(TestUsers.PASSWORD, "198.51.100.200").status()).isEqualTo(200);
    assertThat(identity.checkPassword("guessed-manager", TestUsers.PASSWORD)).isTrue();
  }

  @Test
  void fiftyWrongKeysFromOneClientAre429AfterTheThresholdAndTheRightKeyStillCaptures() {
    String key = keys.create("limited-form-" + UUID.randomUUID().toString().substring(0, 8), List.of("capture"), "test").key();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ApiClient.Response response = api.withKey("POST", "/api/leads", "lh_wrong" + i, lead(), from("198.51.100.20"));
      statuses.add(response.status());
    }
    assertThat(statuses.subList(0, 9)).containsOnly(401);
    assertThat(statuses.subList(10, 50)).containsOnly(429);

    ApiClient.Response right = api.withKey("POST", "/api/leads", key, lead(), from("198.51.100.20"));
    assertThat(right.status()).as("a key cannot be guessed: the right one works at the same address").isEqualTo(201);
  }

  @Test
  void anAdministratorUnlocksAUserCamundaLockedBeforeTheLimitExisted() {
    // as Camunda's lockout left an account: ten failed attempts, locked until far ahead
    jdbc.sql("update act_id_user set attempts_ = 10, lock_exp_time_ = ? where id_ = 'locked-rep'")
        .param(java.sql.Timestamp.valueOf("2999-01-01 00:00:00")).update();
    assertThat(api.get("/engine-rest/task", "locked-rep", TestUsers.PASSWORD, from("198.51.100.30")).status()).isEqualTo(401);

    ApiClient.Response unlock = api.send("POST", "/engine-rest/user/locked-rep/unlock", "unlocking-admin", TestUsers.PASSWORD, "",
        from("198.51.100.31"));
    assertThat(unlock.status()).isEqualTo(204);
    assertThat(api.get("/engine-rest/task", "locked-rep", TestUsers.PASSWORD, from("198.51.100.30")).status()).isEqualTo(200);
  }
}
