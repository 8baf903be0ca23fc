package com.leadhandoff.modelguard;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.security.Groups;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Marketing's and managers' what-if login is not a shell either: the same files are refused before anything evaluates them. */
@LeadHandoffTest
class WhatIfGuardTest {

  static final String MARKETING = "guard-marketing";
  static final String MANAGER = "guard-manager";
  @TempDir static Path markers;

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, MARKETING, Groups.MARKETING);
    TestUsers.ensure(identity, MANAGER, Groups.SALES_MANAGERS);
  }

  static Path marker() {
    return markers.resolve("ran");
  }

  static Stream<Arguments> attacksByUser() {
    return Stream.of(MARKETING, MANAGER).flatMap(user -> Attacks.all(marker()).map(attack -> Arguments.of(user, attack)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("attacksByUser")
  void anAttackUploadedToTheWhatIfIsRefusedAndNothingRuns(String user, Attacks.Attack attack) {
    long decisions = engine.getRepositoryService().createDecisionDefinitionQuery().count();

    ApiClient.Response response = api.postMultipart("/api/decisions/MqlDefinition/what-if?lastLeads=5", user, TestUsers.PASSWORD,
        Map.of(), "file", attack.fileName(), attack.content().getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    if (attack.isDecision()) {
      assertThat(response.json().get("violations").findValuesAsText("elementId")).contains(attack.elementId());
      assertThat(response.json().get("detail").asText()).contains(attack.elementId());
    } else {
      assertThat(response.json().get("detail").asText()).contains("not a valid DMN file");
    }
    assertThat(marker()).as("the attack did not run").doesNotExist();
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().count()).as("nothing deployed").isEqualTo(decisions);
  }
}
