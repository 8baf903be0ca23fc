package com.leadhandoff.modelguard;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Decides what a deployed file may contain; {@link #check} lists every violation of a file, with the element id.
 *
 * <p>The file is read as plain XML, every element and attribute whatever its namespace, so nothing hides in a place a
 * typed model would not look: every {@code ${...}} / {@code #{...}} anywhere in a BPMN file is an expression the
 * {@link ExpressionPolicy} must allow; script tasks, scripts (listeners, input/output mappings), script conditions
 * and connectors are refused; {@code camunda:class} and delegate expressions must name the product's own delegates.
 * In DMN every {@code expressionLanguage} must be FEEL, and each decision the processes call must keep its
 * {@link DecisionContracts contract}. Only BPMN, DMN and Camunda Forms files may be deployed (no CMMN, no scripts).
 */
@Component
public class ModelGuard {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  /** Camunda's extension namespace, and the old one the engine still reads the same way. */
  static final Set<String> CAMUNDA = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

  static final Set<String> FEEL = Set.of(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE, DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13, DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

  private static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class);
  private static final String PRODUCT_PACKAGE = "com.leadhandoff.";
  private static final Pattern BEAN_REFERENCE = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*");
  /** Elements whose text is for people only. */
  private static final Set<String> PROSE = Set.of("documentation", "text");

  private final ApplicationContext context;
  private volatile ExpressionPolicy expressions;

  public ModelGuard(ApplicationContext context) {
    this.context = context;
  }

  /** Whether the engine may take this file at all: BPMN, DMN and Camunda Forms. */
  static boolean isDeployable(String resource) {
    String name = resource.toLowerCase(Locale.ROOT);
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn") || name.endsWith(".dmn11.xml")
        || name.endsWith(".form");
  }

  static boolean isBpmn(String resource) {
    String name = resource.toLowerCase(Locale.ROOT);
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  static boolean isDmn(String resource) {
    String name = resource.toLowerCase(Locale.ROOT);
    return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
  }

  /** Every violation in one file of a deployment. */
  public List<Violation> check(String resource, byte[] content) {
    if (!isDeployable(resource)) {
      return List.of(new Violation(resource, null, resource + ": only BPMN, DMN and Camunda Forms files may be deployed"));
    }
    if (isBpmn(resource)) {
      return checkBpmn(resource, content);
    }
    if (isDmn(resource)) {
      return checkDecision(resource, content);
    }
    return List.of(); // a Camunda Form: JSON that Tasklist renders; it runs nothing on the server
  }

  /** Every violation in a DMN file: expression languages, then (if it parses) the decisions' contracts. */
  public List<Violation> checkDecision(String resource, byte[] content) {
    Document document;
    try {
      document = parse(content);
    } catch (Exception e) {
      return List.of(new Violation(resource, null, resource + " is not well-formed XML: " + e.getMessage()));
    }
    List<Violation> violations = new ArrayList<>();
    walk(document.getDocumentElement(), element -> {
      String language = element.getAttribute("expressionLanguage");
      if (!language.isEmpty() && !FEEL.contains(language)) {
        violations.add(new Violation(resource, idOf(element), element.getLocalName() + " in expression language '" + language
            + "': decisions run FEEL only, which cannot call Java"));
      }
      return true;
    });
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      violations.add(new Violation(resource, null, resource + " is not a valid DMN file: " + rootMessage(e)));
      return violations;
    }
    violations.addAll(DecisionContracts.check(resource, model));
    return violations;
  }

  private List<Violation> checkBpmn(String resource, byte[] content) {
    Document document;
    try {
      document = parse(content);
    } catch (Exception e) {
      return List.of(new Violation(resource, null, resource + " is not well-formed XML: " + e.getMessage()));
    }
    List<Violation> violations = new ArrayList<>();
    walk(document.getDocumentElement(), element -> checkBpmnElement(resource, element, violations));
    return violations;
  }

  /** Checks one element; false when its content needs no further look (it is refused as a whole). */
  private boolean checkBpmnElement(String resource, Element element, List<Violation> violations) {
    String ns = String.valueOf(element.getNamespaceURI());
    String name = element.getLocalName();
    boolean camunda = CAMUNDA.contains(ns);
    if (BPMN.equals(ns) && name.equals("scriptTask")) {
      violations.add(new Violation(resource, idOf(element), "script task (" + orUnnamed(element.getAttribute("scriptFormat"))
          + "): scripts may not run on this server"));
      return false; // its script and attributes are refused with it
    }
    if (camunda && name.equals("script")) {
      violations.add(new Violation(resource, idOf(element), "script (" + orUnnamed(element.getAttribute("scriptFormat")) + ") in "
          + ((Element) element.getParentNode()).getLocalName() + ": scripts may not run on this server"));
      return false;
    }
    if (camunda && name.equals("connector")) {
      violations.add(new Violation(resource, idOf(element), "connector: models may not call out of the server"));
      return false;
    }
    if (!element.getAttribute("language").isEmpty()) {
      violations.add(new Violation(resource, idOf(element), element.getLocalName() + " in script language '"
          + element.getAttribute("language") + "': scripts may not run on this server"));
      return false;
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String attributeName = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
      boolean extension = CAMUNDA.contains(String.valueOf(attribute.getNamespaceURI())) || (camunda && attribute.getNamespaceURI() == null);
      String value = attribute.getValue();
      if (extension && Set.of("class", "variableMappingClass").contains(attributeName)) {
        if (!isProductDelegateClass(value.trim())) {
          violations.add(new Violation(resource, idOf(element), "camunda:" + attributeName + " " + value
              + " is not one of the product's delegates; only classes of " + PRODUCT_PACKAGE + "* implementing JavaDelegate, "
              + "ExecutionListener or TaskListener may be named"));
        }
      } else if (extension && Set.of("delegateExpression", "variableMappingDelegateExpression").contains(attributeName)) {
        if (!isProductDelegateBean(value)) {
          violations.add(new Violation(resource, idOf(element), "camunda:" + attributeName + " " + value
              + " is not one of the product's delegate beans"));
        }
      } else if (extension && attributeName.equals("resource")) {
        violations.add(new Violation(resource, idOf(element), "camunda:resource " + value + ": models may not load scripts"));
      } else if (ExpressionPolicy.containsExpression(value)) {
        expression(resource, element, value, violations);
      }
    }
    if (!PROSE.contains(name)) {
      String text = ownText(element);
      if (ExpressionPolicy.containsExpression(text)) {
        expression(resource, element, text.trim(), violations);
      }
    }
    return true;
  }

  private void expression(String resource, Element element, String text, List<Violation> violations) {
    for (String problem : policy().check(text)) {
      violations.add(new Violation(resource, idOf(element), "expression " + text + " " + problem));
    }
  }

  private boolean isProductDelegateClass(String className) {
    if (!className.startsWith(PRODUCT_PACKAGE)) {
      return false;
    }
    try {
      Class<?> type = Class.forName(className, false, getClass().getClassLoader()); // not initialised: nothing of it runs
      return DELEGATE_TYPES.stream().anyMatch(t -> t.isAssignableFrom(type));
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private boolean isProductDelegateBean(String expression) {
    Matcher reference = BEAN_REFERENCE.matcher(expression);
    if (!reference.matches() || !context.containsBean(reference.group(1))) {
      return false;
    }
    Class<?> type = context.getType(reference.group(1));
    return type != null && ClassUtils.getUserClass(type).getName().startsWith(PRODUCT_PACKAGE)
        && DELEGATE_TYPES.stream().anyMatch(t -> t.isAssignableFrom(type));
  }

  /** The expression policy, built at first use: the product beans' classes come from the application context. */
  private ExpressionPolicy policy() {
    ExpressionPolicy policy = expressions;
    if (policy == null) {
      Map<String, Class<?>> beans = new HashMap<>();
      for (String bean : ExpressionPolicy.PRODUCT_BEANS) {
        Class<?> type = context.getType(bean);
        if (type == null) {
          throw new IllegalStateException("The product bean " + bean + " that models call is missing");
        }
        beans.put(bean, ClassUtils.getUserClass(type));
      }
      policy = new ExpressionPolicy(beans, context::containsBean);
      expressions = policy;
    }
    return policy;
  }

  private static Document parse(byte[] content) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true); // no entities, no external files
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(content));
  }

  /** Visits the element and, unless the visitor answers false (a refused script: its content is refused with it), its children. */
  private static void walk(Element element, java.util.function.Predicate<Element> visitor) {
    if (!visitor.test(element)) {
      return;
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        walk(child, visitor);
      }
    }
  }

  /** The element's own text (its text and CDATA children), without that of its child elements. */
  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  /** The id of the element or of its nearest ancestor that has one (a listener reports its task, a condition its flow). */
  private static String idOf(Element element) {
    for (Node node = element; node instanceof Element e; node = e.getParentNode()) {
      if (!e.getAttribute("id").isEmpty()) {
        return e.getAttribute("id");
      }
    }
    return null;
  }

  private static String orUnnamed(String language) {
    return language.isEmpty() ? "no language given" : language;
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getMessage();
  }
}
