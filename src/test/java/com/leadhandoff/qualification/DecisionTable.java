package com.leadhandoff.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One decision file from decisions/, evaluated by the Camunda DMN engine with the product's FEEL engine, as the process engine does,
 * remembering which rules matched so a test class can prove it hit every rule of the agreement.
 */
final class DecisionTable {

  private final Path file;
  private final DmnEngine engine;
  private final List<DmnDecision> decisions;
  private final Set<String> matched = ConcurrentHashMap.newKeySet();

  DecisionTable(String fileName) {
    this.file = Path.of("decisions", fileName);
    DefaultDmnEngineConfiguration configuration = ParsedOnceFeelEngine.installIn(
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
    configuration.customPostDecisionTableEvaluationListeners(List.of((DmnDecisionTableEvaluationEvent event) ->
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matched::add)));
    this.engine = configuration.buildEngine();
    try (InputStream in = Files.newInputStream(file)) {
      this.decisions = engine.parseDecisions(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  DmnDecisionResult evaluate(String key, Map<String, Object> variables) {
    DmnDecision decision = decisions.stream().filter(d -> d.getKey().equals(key)).findFirst().orElseThrow();
    return engine.evaluateDecision(decision, new HashMap<>(variables));
  }

  /** Variables from alternating names and values; values may be null (a lead with missing data). */
  static Map<String, Object> vars(Object... namesAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }

  void assertEveryRuleMatched() {
    Set<String> all = new TreeSet<>();
    Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Rule.class).forEach(rule -> all.add(rule.getId()));
    assertThat(matched).as("rules of %s matched by the tests", file).containsAll(all);
  }
}
