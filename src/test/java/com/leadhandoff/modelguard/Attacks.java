package com.leadhandoff.modelguard;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Models an attacker with a deploy or what-if login would send. Each one, if it ran, would create the marker file
 * (the JUEL payload does so synchronously through reflection; {@code ExpressionPolicyTest} shows it does when JUEL
 * evaluates it unchecked), so "nothing ran" is "the marker does not exist".
 */
final class Attacks {

  /** One attack: what it is, the file it comes in, and the element the refusal must name. */
  record Attack(String name, String fileName, String content, String elementId) {
    boolean isDecision() {
      return fileName.endsWith(".dmn");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private Attacks() {}

  /** JUEL that creates the marker file: what "calls java.lang.Runtime" does, without a process running in the background. */
  static String juel(Path marker) {
    return "${''.getClass().forName('java.io.FileOutputStream').getConstructor(''.getClass()).newInstance('" + marker + "').close()}";
  }

  static String script(Path marker) {
    return "new java.io.File('" + marker + "').createNewFile()";
  }

  static List<Attack> processes(Path marker) {
    String juel = xml(juel(marker));
    String script = xml(script(marker));
    return List.of(
        new Attack("timer start and a reflective service-task expression", "attack.bpmn", process("""
            <bpmn:startEvent id="StartEvent_Timer"><bpmn:timerEventDefinition id="Timer_Now">
              <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R1/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:serviceTask id="Task_Attack" camunda:expression="%s" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Timer" targetRef="Task_Attack" />
            """.formatted(juel)), "Task_Attack"),
        new Attack("JUEL script task", "attack.bpmn", process(start() + """
            <bpmn:scriptTask id="Task_JuelScript" scriptFormat="juel"><bpmn:script>%s</bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_JuelScript" />
            """.formatted(juel)), "Task_JuelScript"),
        new Attack("javascript script task", "attack.bpmn", process(start() + """
            <bpmn:scriptTask id="Task_JavascriptScript" scriptFormat="javascript"><bpmn:script>%s</bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_JavascriptScript" />
            """.formatted(script)), "Task_JavascriptScript"),
        new Attack("groovy script task", "attack.bpmn", process(start() + """
            <bpmn:scriptTask id="Task_GroovyScript" scriptFormat="groovy"><bpmn:script>%s</bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_GroovyScript" />
            """.formatted(script)), "Task_GroovyScript"),
        new Attack("execution-listener script", "attack.bpmn", process("""
            <bpmn:startEvent id="StartEvent_Listened"><bpmn:extensionElements>
              <camunda:executionListener event="start"><camunda:script scriptFormat="javascript">%s</camunda:script></camunda:executionListener>
            </bpmn:extensionElements></bpmn:startEvent>
            """.formatted(script)), "StartEvent_Listened"),
        new Attack("script condition on a flow", "attack.bpmn", process(start() + """
            <bpmn:exclusiveGateway id="Gateway_1" />
            <bpmn:endEvent id="EndEvent_1" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Gateway_1" />
            <bpmn:sequenceFlow id="Flow_Scripted" sourceRef="Gateway_1" targetRef="EndEvent_1">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">%s</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            """.formatted(script)), "Flow_Scripted"),
        new Attack("camunda:class of a JDK class", "attack.bpmn", process(start() + """
            <bpmn:serviceTask id="Task_JdkClass" camunda:class="java.lang.ProcessBuilder" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_JdkClass" />
            """), "Task_JdkClass"),
        new Attack("script input mapping", "attack.bpmn", process(start() + """
            <bpmn:task id="Task_ScriptMapping"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="x"><camunda:script scriptFormat="juel">%s</camunda:script></camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_ScriptMapping" />
            """.formatted(juel)), "Task_ScriptMapping"),
        new Attack("engine services from an output mapping", "attack.bpmn", process(start() + """
            <bpmn:task id="Task_EngineServices"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:outputParameter name="x">${execution.getProcessEngineServices().getRuntimeService()}</camunda:outputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_EngineServices" />
            """), "Task_EngineServices"),
        new Attack("connector", "attack.bpmn", process(start() + """
            <bpmn:serviceTask id="Task_Connector"><bpmn:extensionElements>
              <camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
            </bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Connector" />
            """), "Task_Connector"),
        new Attack("delegate expression naming an engine bean", "attack.bpmn", process(start() + """
            <bpmn:serviceTask id="Task_EngineBean" camunda:delegateExpression="${processEngine}" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_EngineBean" />
            """), "Task_EngineBean"));
  }

  static List<Attack> decisions(Path marker) {
    String juel = xml(juel(marker));
    String script = xml(script(marker));
    String any = entry("inputEntry", "InputEntry_1", null, "-");
    String nurture = entry("outputEntry", "OutputEntry_1", null, "\"NURTURE\"");
    String why = entry("outputEntry", "OutputEntry_2", null, "\"why\"");
    return List.of(
        new Attack("DMN input expression in juel", "attack.dmn",
            mql("", input("juel", juel), any, nurture, why, ""), "InputExpression_Attack"),
        new Attack("DMN input expression in javascript", "attack.dmn",
            mql("", input("javascript", script), any, nurture, why, ""), "InputExpression_Attack"),
        new Attack("DMN input entry in juel", "attack.dmn",
            mql("", input(null, "engagementScore"), entry("inputEntry", "InputEntry_Attack", "juel", juel), nurture, why, ""),
            "InputEntry_Attack"),
        new Attack("DMN output entry in juel", "attack.dmn",
            mql("", input(null, "engagementScore"), any, nurture, entry("outputEntry", "OutputEntry_Attack", "juel", juel), ""),
            "OutputEntry_Attack"),
        new Attack("DMN output entry in javascript", "attack.dmn",
            mql("", input(null, "engagementScore"), any, nurture, entry("outputEntry", "OutputEntry_Attack", "javascript", script), ""),
            "OutputEntry_Attack"),
        new Attack("DMN literal expression in juel", "attack.dmn",
            mql(requiresLiteral(), input(null, "engagementScore"), any, nurture, why, literal("juel", juel)), "LiteralExpression_Attack"),
        new Attack("DMN literal expression in javascript", "attack.dmn",
            mql(requiresLiteral(), input(null, "engagementScore"), any, nurture, why, literal("javascript", script)),
            "LiteralExpression_Attack"),
        new Attack("DMN definitions defaulting to juel", "attack.dmn",
            mql("", input(null, juel), any, nurture, why, "").replace("<definitions ", "<definitions expressionLanguage=\"juel\" "),
            "Definitions_Attack"));
  }

  private static String input(String language, String text) {
    return "<inputExpression id=\"InputExpression_Attack\" typeRef=\"string\""
        + (language == null ? "" : " expressionLanguage=\"" + language + "\"") + "><text>" + text + "</text></inputExpression>";
  }

  private static String entry(String element, String id, String language, String text) {
    return "<" + element + " id=\"" + id + "\"" + (language == null ? "" : " expressionLanguage=\"" + language + "\"") + "><text>"
        + text + "</text></" + element + ">";
  }

  static Stream<Attack> all(Path marker) {
    return Stream.concat(processes(marker).stream(), decisions(marker).stream());
  }

  private static String start() {
    return "<bpmn:startEvent id=\"StartEvent_1\" />\n";
  }

  private static String process(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Attack" targetNamespace="http://leadhandoff.com/attack">
          <bpmn:process id="Attack" isExecutable="true" camunda:historyTimeToLive="P1D">
        %s  </bpmn:process>
        </bpmn:definitions>
        """.formatted(body);
  }

  private static String requiresLiteral() {
    return "<informationRequirement id=\"Requirement_Attack\"><requiredDecision href=\"#Attack_Literal\" /></informationRequirement>";
  }

  private static String literal(String language, String text) {
    return """
        <decision id="Attack_Literal" name="Attack">
          <variable id="Variable_Attack" name="attack" typeRef="string" />
          <literalExpression id="LiteralExpression_Attack" expressionLanguage="%s"><text>%s</text></literalExpression>
        </decision>
        """.formatted(language, text);
  }

  /** An MqlDefinition with one input and one rule; the elements given put the attack in place. */
  private static String mql(String requirement, String inputExpression, String inputEntry, String outcome, String reason, String more) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Attack" name="Attack" namespace="http://leadhandoff.com/attack">
          <decision id="MqlDefinition" name="MQL definition">
            %s
            <decisionTable id="Table_Attack" hitPolicy="FIRST">
              <input id="Input_Attack">%s</input>
              <output id="Output_Outcome" name="mqlOutcome" typeRef="string" />
              <output id="Output_Reason" name="mqlReason" typeRef="string" />
              <rule id="Rule_Attack">
                %s
                %s
                %s
              </rule>
            </decisionTable>
          </decision>
          %s
        </definitions>
        """.formatted(requirement, inputExpression, inputEntry, outcome, reason, more);
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
