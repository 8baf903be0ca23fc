package com.leadhandoff.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** A text is parsed once, but every evaluation reads its own input; errors read as Camunda's own. */
class ParsedOnceFeelEngineTest {

  final ParsedOnceFeelEngine engine = new ParsedOnceFeelEngine(List.of());
  final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());

  @Test
  void theSameCellAnswersEachInputOnItsOwn() {
    assertThat(engine.evaluateSimpleUnaryTests("[200..1000[", "cellInput", input(500))).isTrue();
    assertThat(engine.evaluateSimpleUnaryTests("[200..1000[", "cellInput", input(1000))).isFalse();
    assertThat(engine.evaluateSimpleUnaryTests("[200..1000[", "cellInput", input(200))).isTrue();
    assertThat(engine.evaluateSimpleUnaryTests("\"DE\",\"AT\"", "cellInput", input("AT"))).isTrue();
    assertThat(engine.evaluateSimpleUnaryTests("\"DE\",\"AT\"", "cellInput", input("US"))).isFalse();
  }

  @Test
  void theSameExpressionAnswersEachContextOnItsOwn() {
    assertThat((Object) engine.evaluateSimpleExpression("min(score + 10, 100)", variable("score", 50))).isEqualTo(60L);
    assertThat((Object) engine.evaluateSimpleExpression("min(score + 10, 100)", variable("score", 95))).isEqualTo(100L);
  }

  @Test
  void answersAsCamundasEngineDoes() {
    for (Object value : new Object[] {null, 0, 199, 200, 999, 1000, 5000}) {
      for (String cell : List.of("[200..1000[", ">= 1000", "< 200", "-", "null", "not(null)")) {
        assertThat(engine.evaluateSimpleUnaryTests(cell, "cellInput", input(value)))
            .as("%s for %s", cell, value).isEqualTo(camunda.evaluateSimpleUnaryTests(cell, "cellInput", input(value)));
      }
    }
  }

  @Test
  void aTextThatDoesNotParseFailsEveryTimeWithCamundasMessage() {
    String message = messageOf(() -> camunda.evaluateSimpleUnaryTests("[200..", "cellInput", input(1)));
    assertThat(messageOf(() -> engine.evaluateSimpleUnaryTests("[200..", "cellInput", input(1)))).isEqualTo(message);
    assertThat(messageOf(() -> engine.evaluateSimpleUnaryTests("[200..", "cellInput", input(1)))).isEqualTo(message);
  }

  @Test
  void keepsAnsweringWhenMoreTextsThanItKeepsWereSeen() {
    for (int i = 0; i <= ParsedOnceFeelEngine.MAX_EXPRESSIONS; i++) {
      assertThat(engine.evaluateSimpleUnaryTests("< " + i, "cellInput", input(i - 1))).isTrue();
    }
    assertThat(engine.evaluateSimpleUnaryTests("< 0", "cellInput", input(0))).isFalse();
  }

  private static String messageOf(Runnable evaluation) {
    assertThatThrownBy(evaluation::run).isInstanceOf(FeelException.class);
    try {
      evaluation.run();
      return null;
    } catch (FeelException e) {
      return e.getMessage();
    }
  }

  private static VariableContext input(Object value) {
    return variable("cellInput", value);
  }

  private static VariableContext variable(String name, Object value) {
    return Variables.createVariables().putValue(name, value).asVariableContext();
  }
}
