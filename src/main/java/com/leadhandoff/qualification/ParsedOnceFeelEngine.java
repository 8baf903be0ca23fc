package com.leadhandoff.qualification;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine, parsing each expression of a decision table once instead of at every evaluation. Parsing
 * was most of a decision's cost, and decisions most of a lead's capture (bench/run decisions, bench/run capture).
 * Evaluation, variables and errors are Camunda's own; the texts are those of the deployed tables, so the cache is
 * small; it starts afresh if process owners ever deploy more than {@value #MAX_EXPRESSIONS} distinct texts.
 */
public class ParsedOnceFeelEngine extends ScalaFeelEngine {

  static final int MAX_EXPRESSIONS = 10_000;

  private final java.util.Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
  private final java.util.Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();

  public ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  /** Makes the DMN engine built from this configuration use this FEEL engine; answers the configuration. */
  public static DefaultDmnEngineConfiguration installIn(DefaultDmnEngineConfiguration dmn) {
    dmn.setFeelEngineFactory(() -> new ParsedOnceFeelEngine(dmn.getFeelCustomFunctionProviders()));
    return dmn;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
    VariableProvider variables = new ContextVariableWrapper(variableContext);
    return (T) valueOf(feelEngine.eval(parsed, contextOf(variables)));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
    VariableProvider variables = new CompositeVariableProvider(toScalaList(
        new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable)), new ContextVariableWrapper(variableContext)));
    return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, contextOf(variables))));
  }

  /** Why the text is no FEEL expression (no FEEL unary tests, when unaryTests), or empty when it parses. */
  public Optional<String> syntaxError(String expression, boolean unaryTests) {
    Either<Failure, ParsedExpression> parsed = unaryTests ? feelEngine.parseUnaryTests(expression) : feelEngine.parseExpression(expression);
    return parsed instanceof Left<Failure, ?> failure ? Optional.of(failure.value().message()) : Optional.empty();
  }

  private ParsedExpression parsed(java.util.Map<String, ParsedExpression> cache, String expression,
      Function<String, Either<Failure, ParsedExpression>> parser) {
    ParsedExpression parsed = cache.get(expression);
    if (parsed == null) {
      parsed = (ParsedExpression) valueOf(parser.apply(expression));
      if (cache.size() >= MAX_EXPRESSIONS) {
        cache.clear();
      }
      cache.put(expression, parsed);
    }
    return parsed;
  }

  private static CustomContext contextOf(VariableProvider variables) {
    return new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return variables;
      }
    };
  }

  private static Object valueOf(Either<Failure, ?> result) {
    if (result instanceof Left<Failure, ?> failure) {
      throw LOGGER.evaluationException(failure.value().message());
    }
    return result.toOption().get();
  }
}
