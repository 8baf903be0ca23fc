package com.leadhandoff.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every decision file parses with the Camunda DMN engine, is drawn (DMNDI) and is readable by a process owner. */
class DecisionModelsTest {

  static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  static Stream<Path> decisions() throws IOException {
    return Files.list(Path.of("decisions")).filter(p -> p.toString().endsWith(".dmn")).sorted();
  }

  @ParameterizedTest
  @MethodSource("decisions")
  void parsesWithTheCamundaDmnEngine(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      List<DmnDecision> parsed = DMN.parseDecisions(in);
      assertThat(parsed).as(file.toString()).isNotEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("decisions")
  void everyDecisionIsDrawnInTheDecisionRequirementsDiagram(Path file) throws IOException {
    String xml = Files.readString(file);
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    assertThat(xml).as(file + " has DMNDI").contains("<dmndi:DMNDiagram");
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      assertThat(xml).as("%s: %s has a shape", file, decision.getId()).contains("dmnElementRef=\"" + decision.getId() + "\"");
    }
  }

  @ParameterizedTest
  @MethodSource("decisions")
  void everyDecisionSetsHowLongItsHistoryIsKept(Path file) {
    for (Decision decision : Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
      assertThat(decision.getCamundaHistoryTimeToLiveString()).as("%s: %s", file, decision.getId()).isEqualTo("P400D");
    }
  }

  @ParameterizedTest
  @MethodSource("decisions")
  void everyRuleSaysWhoAgreedItAndWhy(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
      for (Rule rule : table.getRules()) {
        assertThat(rule.getDescription()).as("%s: annotation of %s", file, rule.getId()).isNotNull();
        assertThat(rule.getDescription().getTextContent()).as("%s: %s", file, rule.getId()).contains("Agreed");
        assertThat(rule.getId()).as(file.toString()).matches("[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]+");
      }
    }
  }
}
