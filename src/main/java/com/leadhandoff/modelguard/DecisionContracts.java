package com.leadhandoff.modelguard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * What the processes rely on from each decision they call ({@code camunda:decisionRef} of the business rule tasks in
 * {@code processes/}): the variables they provide to it, whether they read one result or a list, and the outputs they
 * map, with their types and, where a gateway or a later decision branches on the value, the values handled. A new
 * version of a decision is refused at deploy when it breaks this; a result outside it at run time fails the step.
 *
 * <p>Outputs of kind {@link Kind#OUTCOME} steer the lead; {@link Kind#TEXT} outputs explain it to people (what-if
 * counts changes of the two apart).
 */
public final class DecisionContracts {

  /** Whether an output steers the lead or only explains it. */
  public enum Kind { OUTCOME, TEXT }

  /** One output the processes read: name, DMN typeRef, kind, and the values they handle (empty: any value of the type). */
  public record Output(String name, String type, Kind kind, Set<String> allowed) {}

  /** One decision the processes call. */
  public record Contract(String key, boolean singleResult, Set<String> inputs, List<Output> outputs) {

    public List<String> outcomeOutputs() {
      return outputs.stream().filter(o -> o.kind() == Kind.OUTCOME).map(Output::name).toList();
    }
  }

  /** The lead's facts the lifecycle starts with (LeadFacts) and the engagement counts (EngagementFacts). */
  private static final Set<String> LEAD = Set.of("leadId", "email", "title", "companyName", "companySize", "companyDomain",
      "industry", "country", "source", "campaign", "buyingTimeframe", "firstMeetingExpectation",
      "demoRequests30d", "pricingViews30d", "webinarsAttended90d", "contentDownloads90d", "emailClicks30d",
      "daysSinceLastActivity", "newEngagementSinceRejection", "recycleCount");

  private static final List<Contract> CONTRACTS = List.of(
      new Contract("IdealCustomerFit", true, LEAD, List.of(
          outcome("fitGrade", "string", "A", "B", "C", "D"), outcome("fitScore", "integer"))),
      new Contract("EngagementScore", true, with(LEAD, "fitGrade", "fitScore"), List.of(outcome("engagementScore", "integer"))),
      new Contract("LeadPriority", true, with(LEAD, "fitGrade", "fitScore", "engagementScore"), List.of(
          outcome("priority", "string", "hot", "warm", "cold"))),
      new Contract("MqlDefinition", true, with(LEAD, "fitGrade", "fitScore", "engagementScore", "priority"), List.of(
          outcome("mqlOutcome", "string", "MQL", "NURTURE", "JOINT_REVIEW", "DISQUALIFY"), text("mqlReason"))),
      new Contract("LeadRouting", true, with(LEAD, "fitGrade", "fitScore", "engagementScore", "priority"), List.of(
          outcome("team", "string"), outcome("queue", "string", "enterprise", "mid-market", "commercial", "public-sector", "unassigned-territory"))),
      new Contract("SlaPolicy", true, with(LEAD, "fitGrade", "fitScore", "engagementScore", "priority", "team", "queue"), List.of(
          outcome("acceptWithin", "string"), outcome("acceptWarningAfter", "string"), outcome("firstContactWithin", "string"),
          outcome("firstContactWarningAfter", "string"), outcome("escalateTo", "string"), outcome("escalationWithin", "string"))),
      new Contract("RejectionHandling", true, with(LEAD, "fitGrade", "engagementScore", "priority", "team", "queue",
          "rejectionReason", "rejectionComment"), List.of(
          outcome("rejectionAction", "string", "RECYCLE", "DISQUALIFY", "MARKETING_REVIEW", "JOINT_REVIEW"),
          outcome("reEntryDelay", "string"), text("rejectionPolicy"))),
      // the process reads the list: an SQL when it is empty, handed back on a NOT_MET row (with its reason), qualified
      // again when every row is NOT_KNOWN_YET (SalesQualification); sqlGaps lists the criteria for the rep
      new Contract("SqlDefinition", false, with(LEAD, "fitGrade", "engagementScore", "priority", "team", "queue",
          "needConfirmed", "authority", "timeframe", "budgetRange", "firstMeetingBooked"), List.of(text("unmetCriterion"),
          outcome("verdict", "string", "NOT_MET", "NOT_KNOWN_YET"), outcome("handBackReason", "string"))));

  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private DecisionContracts() {}

  public static List<Contract> all() {
    return CONTRACTS;
  }

  public static Optional<Contract> of(String key) {
    return CONTRACTS.stream().filter(c -> c.key().equals(key)).findFirst();
  }

  private static Output outcome(String name, String type, String... allowed) {
    return new Output(name, type, Kind.OUTCOME, new LinkedHashSet<>(List.of(allowed)));
  }

  private static Output text(String name) {
    return new Output(name, "string", Kind.TEXT, Set.of());
  }

  private static Set<String> with(Set<String> base, String... more) {
    return Stream.concat(base.stream(), Stream.of(more)).collect(Collectors.toUnmodifiableSet());
  }

  /** Every way the decisions in this file break their contracts. */
  static List<Violation> check(String resource, DmnModelInstance model) {
    List<Violation> violations = new ArrayList<>();
    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
    Set<String> producedInFile = new TreeSet<>(); // outputs of the file's decisions: inputs of the decisions requiring them
    for (Decision decision : decisions) {
      if (decision.getExpression() instanceof DecisionTable table) {
        table.getOutputs().forEach(o -> producedInFile.add(o.getName()));
      }
    }
    for (Decision decision : decisions) {
      of(decision.getId()).ifPresent(contract -> check(resource, decision, contract, producedInFile, violations));
    }
    return violations;
  }

  private static void check(String resource, Decision decision, Contract contract, Set<String> producedInFile, List<Violation> violations) {
    String key = decision.getId();
    if (!(decision.getExpression() instanceof DecisionTable table)) {
      violations.add(new Violation(resource, key, key + " must be a decision table: the processes read its outputs "
          + contract.outputs().stream().map(Output::name).toList()));
      return;
    }
    HitPolicy hitPolicy = table.getHitPolicy();
    boolean several = (hitPolicy == HitPolicy.COLLECT && table.getAggregation() == null)
        || hitPolicy == HitPolicy.RULE_ORDER || hitPolicy == HitPolicy.OUTPUT_ORDER;
    if (contract.singleResult() && several) {
      violations.add(new Violation(resource, table.getId(), key + " has hit policy " + hitPolicy
          + ", which can return several results; the processes read exactly one"));
    }
    for (Input input : table.getInputs()) {
      String text = input.getInputExpression() == null || input.getInputExpression().getText() == null
          ? "" : input.getInputExpression().getText().getTextContent().trim();
      if (NAME.matcher(text).matches() && !contract.inputs().contains(text) && !producedInFile.contains(text)
          && !List.of("true", "false", "null").contains(text)) {
        violations.add(new Violation(resource, input.getInputExpression().getId(), key + " reads the variable '" + text
            + "', which the processes do not provide to it (see DecisionContracts)"));
      }
    }
    List<org.camunda.bpm.model.dmn.instance.Output> outputs = List.copyOf(table.getOutputs());
    List<String> names = outputs.stream().map(org.camunda.bpm.model.dmn.instance.Output::getName).toList();
    for (Output expected : contract.outputs()) {
      int index = names.indexOf(expected.name());
      if (index < 0) {
        violations.add(new Violation(resource, table.getId(), key + " has no output '" + expected.name()
            + "', which the processes read (its outputs are " + names + ")"));
        continue;
      }
      org.camunda.bpm.model.dmn.instance.Output output = outputs.get(index);
      if (!expected.type().equals(output.getTypeRef())) {
        violations.add(new Violation(resource, output.getId(), key + " output '" + expected.name() + "' has type "
            + output.getTypeRef() + "; the processes expect " + expected.type()));
      }
      if (expected.allowed().isEmpty()) {
        continue;
      }
      if (output.getOutputValues() != null && output.getOutputValues().getText() != null) {
        for (String value : literals(output.getOutputValues().getText().getTextContent())) {
          if (!expected.allowed().contains(value)) {
            violations.add(new Violation(resource, output.getId(), key + " lists the value \"" + value + "\" for '"
                + expected.name() + "', which the processes do not handle (they handle " + expected.allowed() + ")"));
          }
        }
      }
      for (Rule rule : table.getRules()) {
        List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
        if (index >= entries.size()) {
          continue; // the engine refuses a rule without an entry per output
        }
        OutputEntry entry = entries.get(index);
        String text = entry.getText() == null ? "" : entry.getText().getTextContent().trim();
        Matcher literal = STRING_LITERAL.matcher(text);
        String problem = null;
        if (!literal.matches()) {
          problem = "returns " + (text.isEmpty() ? "nothing" : text) + " for '" + expected.name()
              + "'; it must be one of the values the processes handle, as a literal: " + quoted(expected.allowed());
        } else if (!expected.allowed().contains(literal.group(1))) {
          problem = "returns \"" + literal.group(1) + "\" for '" + expected.name() + "', which no gateway handles (allowed: "
              + quoted(expected.allowed()) + ")";
        }
        if (problem != null) {
          violations.add(new Violation(resource, rule.getId(), key + " rule " + rule.getId() + " " + problem));
        }
      }
    }
  }

  /**
   * What is wrong with a result the engine produced for this decision (its rows: output name to value), if anything.
   * Checked at run time, where no deploy check can see: no rule matched, or a version deployed before the contracts.
   */
  public static Optional<String> problemWith(String key, List<Map<String, Object>> rows) {
    Optional<Contract> found = of(key);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Contract contract = found.get();
    if (contract.singleResult() && rows.size() != 1) {
      return Optional.of(key + " returned " + rows.size() + " results" + (rows.isEmpty() ? " (no rule matched)" : "")
          + "; the processes need exactly one with " + contract.outputs().stream().map(Output::name).toList());
    }
    for (Map<String, Object> row : rows) {
      for (Output output : contract.outputs()) {
        Object value = row.get(output.name()); // an empty output entry leaves the output out: null to the process
        if (value != null && !hasType(value, output.type())) {
          return Optional.of(key + " returned " + output.name() + " = " + value + " (" + value.getClass().getSimpleName()
              + "); the processes expect " + output.type());
        }
        if (!output.allowed().isEmpty() && !output.allowed().contains(value)) {
          return Optional.of(key + " returned " + output.name() + " = " + (value == null ? "null" : "\"" + value + "\"")
              + ", which no gateway handles (allowed: " + quoted(output.allowed()) + ")");
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasType(Object value, String type) {
    return switch (type) {
      case "string" -> value instanceof String;
      case "integer", "long" -> value instanceof Integer || value instanceof Long;
      case "boolean" -> value instanceof Boolean;
      case "double" -> value instanceof Number;
      default -> true;
    };
  }

  /** The string literals of a FEEL list such as {@code "MQL","NURTURE"}. */
  private static List<String> literals(String text) {
    List<String> values = new ArrayList<>();
    Matcher matcher = STRING_LITERAL.matcher(text);
    while (matcher.find()) {
      values.add(matcher.group(1));
    }
    return values;
  }

  private static String quoted(Set<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
  }
}
