package com.leadhandoff.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadhandoff.LeadHandoffApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real restarts on one file database, with copies of processes/ and decisions/: an edited file is a new
 * version after the restart, untouched files are not, and a Modeler deployment is not rolled back.
 */
class ModelRedeployOnRestartTest {

  @TempDir Path work;

  @Test
  void editRestartAndTheEditedModelIsTheNewVersion() throws IOException {
    Path processes = copy(Path.of("processes"), work.resolve("processes"));
    Path decisions = copy(Path.of("decisions"), work.resolve("decisions"));

    run(processes, decisions, repository -> {
      assertThat(version(repository, "LeadRouting")).isEqualTo(1);
      assertThat(version(repository, "IdealCustomerFit")).isEqualTo(1);
    });

    Path routing = decisions.resolve("lead-routing.dmn");
    Files.writeString(routing, Files.readString(routing).replace("Default: no lead is left unrouted.", "Default (edited): no lead is left unrouted."));
    run(processes, decisions, repository -> {
      assertThat(version(repository, "LeadRouting")).as("edited").isEqualTo(2);
      assertThat(version(repository, "IdealCustomerFit")).as("untouched").isEqualTo(1);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("LeadLifecycle").latestVersion().singleResult().getVersion())
          .as("untouched").isEqualTo(1);
      // a process owner deploys a newer fit decision from Camunda Modeler while the app runs
      repository.createDeployment().name("ideal-customer-fit.dmn").source("Camunda Modeler")
          .addString("ideal-customer-fit.dmn", read(decisions.resolve("ideal-customer-fit.dmn")).replace("Every lead starts at 0 points", "Every lead starts at zero points"))
          .deploy();
    });

    run(processes, decisions, repository -> {
      assertThat(version(repository, "IdealCustomerFit")).as("the Modeler version is kept").isEqualTo(2);
      assertThat(version(repository, "LeadRouting")).isEqualTo(2);
    });
  }

  @Test
  void aGitModelTheGuardRefusesStopsTheStartWithTheViolation() throws IOException {
    Path processes = copy(Path.of("processes"), work.resolve("processes"));
    Path decisions = copy(Path.of("decisions"), work.resolve("decisions"));
    Path mql = decisions.resolve("mql-definition.dmn");
    Files.writeString(mql, Files.readString(mql).replace("name=\"mqlOutcome\"", "name=\"mqlResult\""));

    assertThatThrownBy(() -> run(processes, decisions, repository -> { }))
        .isInstanceOf(com.leadhandoff.modelguard.ModelRefusedException.class)
        .hasMessageContaining("mql-definition.dmn").hasMessageContaining("no output 'mqlOutcome'");
  }

  private void run(Path processes, Path decisions, Consumer<RepositoryService> check) {
    // without the webapps: closing a second Camunda webapp in this JVM nulls the webapps' static runtime delegates
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeadHandoffApplication.class)
        .profiles("test")
        .run("--server.port=0", "--camunda.bpm.generate-unique-process-engine-name=true",
            "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
            "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db").toAbsolutePath() + "/lead-handoff",
            "--lead-handoff.models.locations=" + processes.toUri() + "," + decisions.toUri())) {
      check.accept(app.getBean(RepositoryService.class));
    }
  }

  private static int version(RepositoryService repository, String decisionKey) {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).latestVersion().singleResult().getVersion();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }
}
