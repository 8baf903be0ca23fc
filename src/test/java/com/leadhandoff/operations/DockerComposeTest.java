package com.leadhandoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** No Docker engine runs here, so the compose topology is checked by its content. */
class DockerComposeTest {

  static Map<String, Object> compose;
  static Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void parse() throws IOException {
    try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
      compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    }
    services = (Map<String, Map<String, Object>>) compose.get("services");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  @Test
  void postgres15AndTwoAppNodesOnOneDatabase() {
    assertThat(services).containsOnlyKeys("postgres", "app-1", "app-2");
    assertThat(services.get("postgres").get("image")).isEqualTo("postgres:15");
    for (String node : List.of("app-1", "app-2")) {
      Map<String, Object> env = map(services.get(node), "environment");
      assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "postgres").containsEntry("DB_HOST", "postgres")
          .containsEntry("DB_NAME", "lead_handoff");
    }
    assertThat(map(services.get("postgres"), "environment")).containsEntry("POSTGRES_DB", "lead_handoff");
  }

  @Test
  void eachAppNodeHasItsOwnPortAndWaitsForAHealthyDatabase() {
    assertThat(services.get("app-1").get("ports")).isEqualTo(List.of("8081:8080"));
    assertThat(services.get("app-2").get("ports")).isEqualTo(List.of("8082:8080"));
    for (String node : List.of("app-1", "app-2")) {
      assertThat(map(map(services.get(node), "depends_on"), "postgres")).containsEntry("condition", "service_healthy");
    }
  }

  @Test
  void everyServiceHasAHealthcheck() {
    assertThat(map(services.get("postgres"), "healthcheck").get("test").toString()).contains("pg_isready");
    for (String node : List.of("app-1", "app-2")) {
      assertThat(map(services.get(node), "healthcheck").get("test").toString()).contains("/actuator/health");
    }
  }

  @Test
  void secretsComeFromTheEnvironmentAndAreRequired() {
    for (String service : services.keySet()) {
      map(services.get(service), "environment").forEach((name, value) -> {
        if (name.contains("PASSWORD")) {
          assertThat(value.toString()).as("%s %s", service, name).matches("\\$\\{[A-Z_]+:\\?[^}]+}");
        }
      });
    }
  }

  @Test
  void theDatabaseKeepsItsDataInAVolume() {
    assertThat(services.get("postgres").get("volumes").toString()).contains("postgres-data:/var/lib/postgresql/data");
    assertThat(map(compose, "volumes")).containsKey("postgres-data");
  }
}
