package com.leadhandoff.modelguard;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Which JUEL expressions a process may contain, decided on the parse tree of JUEL itself. Camunda's JUEL
 * ({@code org.camunda.bpm.impl.juel}, the engine's own copy) has no public API for its tree; its {@link Builder} and
 * node classes are public classes of that package, and the parser is the one the engine evaluates with, so what is
 * checked is what would run.
 *
 * <p>Allowed: literals and text; arithmetic, comparison, logical and conditional operators; variables; a few
 * read-only properties of {@code execution} and {@code task}; the calls on {@code decisionResult} the business rule
 * tasks use; and calls of the public instance methods declared on the product's beans (derived from their classes, so
 * a new method on such a bean is allowed at once). Everything else is refused: functions (static calls), property
 * access or calls on anything else ({@code ''.getClass()}, {@code execution.processEngineServices}), computed property
 * names, and references to other beans of the application.
 */
final class ExpressionPolicy {

  /** The product beans the processes call (Spring bean names). */
  static final Set<String> PRODUCT_BEANS = Set.of("leadJournal", "slaClock", "taskAnswers", "taskFacts", "repAssignment",
      "engagementFacts", "salesQualification", "nurtureRecheck", "leadFacts");

  /** Read-only properties of the engine's objects an expression may read (the shipped models read only the business key). */
  private static final Map<String, Set<String>> ENGINE_PROPERTIES = Map.of(
      "execution", Set.of("processBusinessKey", "processInstanceId", "currentActivityId", "id"),
      "task", Set.of("id", "assignee", "taskDefinitionKey", "processInstanceId"));

  /** What a business rule task's output mapping may ask its {@code decisionResult}. */
  private static final Set<String> DECISION_RESULT_METHODS =
      Set.of("getSingleResult", "getFirstResult", "getResultList", "collectEntries", "isEmpty", "size");

  /** What may be asked of a value taken from the decision result (a result row, a list of entries). */
  private static final Set<String> RESULT_VALUE_METHODS = Set.of("toString", "isEmpty", "size");

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private final Map<String, Set<String>> beanMethods;
  private final Predicate<String> isOtherBean;

  /**
   * @param productBeans the product's bean names with their classes
   * @param isBean whether a name resolves to any bean of the application (the engine resolves unknown names as beans)
   */
  ExpressionPolicy(Map<String, Class<?>> productBeans, Predicate<String> isBean) {
    this.beanMethods = new TreeMap<>();
    productBeans.forEach((name, type) -> beanMethods.put(name, publicMethodsOf(type)));
    this.isOtherBean = name -> !beanMethods.containsKey(name) && isBean.test(name);
  }

  /** The public instance methods the class itself declares: its own API, not Object's or a superclass's. */
  static Set<String> publicMethodsOf(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
        .map(Method::getName)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the text contains an expression at all (everything else is a plain string to the engine). */
  static boolean containsExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Why the expression is refused; empty when it is allowed. */
  List<String> check(String text) {
    List<String> problems = new ArrayList<>();
    try {
      check((Node) PARSER.build(text).getRoot(), problems);
    } catch (TreeBuilderException e) {
      problems.add("the expression " + text + " does not parse: " + e.getMessage());
    }
    return problems;
  }

  private void check(Node node, List<String> problems) {
    if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber || node instanceof AstBoolean
        || node instanceof AstNull) {
      return;
    }
    if (node instanceof AstIdentifier identifier) {
      identifier(identifier.getName(), problems);
    } else if (node instanceof AstFunction function) {
      problems.add("calls the function " + function.getName() + "(): functions are static calls, which are not allowed");
    } else if (node instanceof AstMethod method) {
      method(method, problems);
    } else if (node instanceof AstProperty property) {
      property(property, problems);
    } else if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstBinary || node instanceof AstUnary
        || node instanceof AstChoice || node instanceof AstNested || node instanceof AstParameters) {
      for (int i = 0; i < node.getCardinality(); i++) {
        check(node.getChild(i), problems);
      }
    } else {
      problems.add("contains '" + node + "', which is not allowed"); // a node kind this policy does not know: refused
    }
  }

  private void identifier(String name, List<String> problems) {
    if (beanMethods.containsKey(name)) {
      problems.add("refers to the bean " + name + " itself; only calls of its methods are allowed");
    } else if (isOtherBean.test(name)) {
      problems.add("refers to the application's bean '" + name + "', which models may not use");
    }
  }

  private void property(AstProperty property, List<String> problems) {
    String name = propertyName(property);
    Node base = property.getChild(0);
    if (name == null) {
      problems.add("reads a computed property of " + describe(base) + ", which is not allowed");
    } else if (name.equals("class")) {
      problems.add("reads .class of " + describe(base) + ": reflection is not allowed");
    } else if (base instanceof AstIdentifier identifier && ENGINE_PROPERTIES.getOrDefault(identifier.getName(), Set.of()).contains(name)) {
      return;
    } else if (isDecisionResultValue(base)) {
      check(base, problems);
    } else {
      int before = problems.size();
      check(base, problems);
      if (problems.size() > before) {
        return;
      }
      problems.add("reads ." + name + " of " + describe(base) + ", which is not allowed"
          + (base instanceof AstIdentifier identifier && ENGINE_PROPERTIES.containsKey(identifier.getName())
              ? " (" + identifier.getName() + " offers only " + String.join(", ", new java.util.TreeSet<>(ENGINE_PROPERTIES.get(identifier.getName()))) + ")"
              : ""));
    }
  }

  private void method(AstMethod method, List<String> problems) {
    AstProperty target = (AstProperty) method.getChild(0);
    check(method.getChild(1), problems); // the arguments
    String name = propertyName(target);
    Node base = target.getChild(0);
    if (name == null) {
      problems.add("calls a computed method of " + describe(base) + ", which is not allowed");
      return;
    }
    if (base instanceof AstIdentifier identifier) {
      String bean = identifier.getName();
      Set<String> methods = beanMethods.get(bean);
      if (methods != null) {
        if (!methods.contains(name)) {
          problems.add("calls " + bean + "." + name + "(), which is not a public method of the product's bean " + bean);
        }
        return;
      }
      if (bean.equals("decisionResult") && DECISION_RESULT_METHODS.contains(name)) {
        return;
      }
    } else if (isDecisionResultValue(base) && RESULT_VALUE_METHODS.contains(name)) {
      check(base, problems);
      return;
    } else {
      int before = problems.size();
      check(base, problems); // the innermost problem says most: ''.getClass() rather than .close() on what it made
      if (problems.size() > before) {
        return;
      }
    }
    problems.add("calls " + name + "() on " + describe(base)
        + (name.equals("getClass") || name.equals("forName") ? ": reflection is not allowed" : ": only methods of the product's beans may be called"));
  }

  /** A value taken from {@code decisionResult} by one of the allowed calls, possibly read further (a row's entry). */
  private static boolean isDecisionResultValue(Node node) {
    if (node instanceof AstMethod method) {
      Node base = method.getChild(0).getChild(0);
      return (base instanceof AstIdentifier identifier && identifier.getName().equals("decisionResult")) || isDecisionResultValue(base);
    }
    return node instanceof AstProperty property && isDecisionResultValue(property.getChild(0));
  }

  /** {@code a.b} and {@code a['b']}: "b"; a computed name ({@code a[x]}): null. */
  private static String propertyName(AstProperty property) {
    if (property instanceof AstDot dot) {
      return dot.toString().substring(2); // AstDot prints ". name"
    }
    if (property instanceof AstBracket && property.getChild(1) instanceof AstString literal) {
      return String.valueOf(literal.eval(null, null));
    }
    return null;
  }

  private static String describe(Node node) {
    if (node instanceof AstIdentifier identifier) {
      return identifier.getName();
    }
    if (node instanceof AstString literal) {
      return "the text '" + literal.eval(null, null) + "'";
    }
    if (node instanceof AstMethod method) {
      return "the result of " + propertyName((AstProperty) method.getChild(0)) + "()";
    }
    if (node instanceof AstProperty property) {
      String name = propertyName(property);
      return name == null ? "a computed property" : "." + name;
    }
    return "'" + node + "'";
  }
}
