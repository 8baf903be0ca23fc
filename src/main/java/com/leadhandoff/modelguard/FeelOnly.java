package com.leadhandoff.modelguard;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionLiteralExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;

/**
 * A DMN engine that evaluates FEEL only: FEEL is the default for every kind of expression, and a transform listener
 * refuses any other language where the engine meets it (an expression's own {@code expressionLanguage}, or the one of
 * its definitions). The model guard refuses such files before; this holds for every DMN engine configured with it,
 * the process engine's and the what-if's. The transform listener SPI is Camunda's {@code impl.spi} package: there is
 * no public one.
 */
public final class FeelOnly implements DmnTransformListener {

  private FeelOnly() {}

  /** Makes the DMN engine built from this configuration FEEL-only; answers the configuration. */
  public static DefaultDmnEngineConfiguration install(DefaultDmnEngineConfiguration dmn) {
    dmn.setDefaultInputExpressionExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
    dmn.setDefaultInputEntryExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
    dmn.setDefaultOutputEntryExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
    dmn.setDefaultLiteralExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
    List<DmnTransformListener> listeners = new ArrayList<>(dmn.getTransformer().getTransformListeners());
    if (listeners.stream().noneMatch(FeelOnly.class::isInstance)) {
      listeners.add(new FeelOnly());
    }
    dmn.getTransformer().setTransformListeners(listeners);
    return dmn;
  }

  private static void require(DmnExpressionImpl expression, String what) {
    String language = expression == null ? null : expression.getExpressionLanguage();
    if (language != null && !ModelGuard.FEEL.contains(language)) {
      throw new DmnTransformException(what + " " + expression.getId() + " is in expression language '" + language
          + "': decisions run FEEL only", null);
    }
  }

  @Override
  public void transformDecision(Decision dmnDecision, DmnDecision dmnDecisionImpl) {
    if (dmnDecisionImpl instanceof DmnDecisionImpl decision
        && decision.getDecisionLogic() instanceof DmnDecisionLiteralExpressionImpl literal) {
      require(literal.getExpression(), "literal expression");
    }
  }

  @Override
  public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {
    require(dmnInput.getExpression(), "input expression");
  }

  @Override
  public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {
    // an output clause has no expression of its own
  }

  @Override
  public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {
    dmnRule.getConditions().forEach(condition -> require(condition, "input entry"));
    dmnRule.getConclusions().forEach(conclusion -> require(conclusion, "output entry"));
  }

  @Override
  public void transformDecisionRequirementsGraph(Definitions definitions, DmnDecisionRequirementsGraph graph) {
    // the decisions were checked one by one
  }
}
