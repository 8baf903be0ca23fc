package com.leadhandoff.modelguard;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.feedback.TaskAnswers;
import com.leadhandoff.feedback.TaskFacts;
import com.leadhandoff.handoff.RepAssignment;
import com.leadhandoff.lead.LeadJournal;
import com.leadhandoff.qualification.EngagementFacts;
import com.leadhandoff.qualification.LeadFacts;
import com.leadhandoff.qualification.NurtureRecheck;
import com.leadhandoff.qualification.SalesQualification;
import com.leadhandoff.sla.SlaClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which expressions a process may contain, on the tree JUEL parses them into. */
class ExpressionPolicyTest {

  static final Map<String, Class<?>> BEANS = Map.of("leadJournal", LeadJournal.class, "slaClock", SlaClock.class,
      "taskAnswers", TaskAnswers.class, "taskFacts", TaskFacts.class, "repAssignment", RepAssignment.class,
      "engagementFacts", EngagementFacts.class, "salesQualification", SalesQualification.class,
      "nurtureRecheck", NurtureRecheck.class, "leadFacts", LeadFacts.class);
  static final Set<String> OTHER_BEANS = Set.of("processEngine", "dataSource", "runtimeService", "applicationContext");

  final ExpressionPolicy policy = new ExpressionPolicy(BEANS, name -> BEANS.containsKey(name) || OTHER_BEANS.contains(name));

  /** Every expression in the shipped processes, attribute values and element text alike. */
  static Stream<String> shippedExpressions() throws IOException {
    Pattern expression = Pattern.compile("[$#]\\{[^}]*}");
    List<String> found = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Matcher matcher = expression.matcher(Files.readString(file).replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">"));
        while (matcher.find()) {
          found.add(matcher.group());
        }
      }
    }
    assertThat(found).hasSizeGreaterThan(50);
    return found.stream().distinct();
  }

  @ParameterizedTest
  @MethodSource("shippedExpressions")
  void everyExpressionOfTheShippedModelsIsAllowed(String expression) {
    assertThat(policy.check(expression)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}",
      "${leadJournal.getClass()}",
      "${leadJournal.class}",
      "${execution.getProcessEngineServices().getRuntimeService()}",
      "${execution.processEngineServices}",
      "${execution['processEngine']}",
      "${task.execution.processEngineServices}",
      "${processEngine.runtimeService}",
      "${dataSource}",
      "${leadJournal}",
      "${leadJournal.noSuchMethod(execution)}",
      "${leadJournal.now()}",
      "${currentUser()}",
      "${fn:toUpperCase('x')}",
      "${decisionResult.getSingleResult().getClass()}",
      "${decisionResult.getSingleResult()[team]}",
      "${mqlOutcome.bytes}",
      "${x.toString()}",
      "${leadJournal.reached(execution, 'MQL').foo}"})
  void anythingElseIsRefused(String expression) {
    assertThat(policy.check(expression)).as(expression).isNotEmpty();
  }

  @Test
  void theRefusalSaysWhy() {
    assertThat(policy.check("${''.getClass().forName('java.lang.Runtime')}"))
        .containsExactly("calls getClass() on the text '': reflection is not allowed");
    assertThat(policy.check("${leadJournal.now()}")).singleElement().asString().contains("not a public method of the product's bean");
    assertThat(policy.check("${execution.processEngineServices}")).singleElement().asString()
        .contains("execution offers only");
  }

  /** A bean's new public method is callable at once, as the other processes' calls are; its static methods never. */
  @Test
  void theBeansPublicInstanceMethodsAreDerivedFromTheirClasses() {
    ExpressionPolicy withNewBean = new ExpressionPolicy(Map.of("taskAnswers", NewAnswers.class), name -> false);
    assertThat(withNewBean.check("${taskAnswers.firstContactAttempt(task)}")).isEmpty();
    assertThat(withNewBean.check("${taskAnswers.helper(task)}")).isNotEmpty();
    assertThat(withNewBean.check("${taskAnswers.create()}")).isNotEmpty();
  }

  static class NewAnswers {
    public void firstContactAttempt(Object task) {}

    void helper(Object task) {}

    public static NewAnswers create() {
      return new NewAnswers();
    }
  }

  /** The attacks' payload does run in Camunda's JUEL when nothing checks it: the marker the other tests look for is real. */
  @Test
  void thePayloadTheAttacksCarryRunsWhenUnchecked(@TempDir Path dir) {
    Path marker = dir.resolve("ran");
    JuelExpressionManager juel = new JuelExpressionManager();
    juel.createValueExpression(Attacks.juel(marker)).getValue(juel.createElContext(Variables.emptyVariableContext()));
    assertThat(marker).exists();
    assertThat(policy.check(Attacks.juel(marker))).isNotEmpty();
  }
}
