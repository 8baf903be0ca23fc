package com.leadhandoff.modelguard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment the model guard refused, with every violation. A {@link ParseException} (public API), so the Camunda
 * REST API answers it as it answers a model that does not parse: 400, the {@code message} listing each violation
 * (what Camunda Modeler shows) and {@code details} per file with the element ids.
 */
public class ModelRefusedException extends ParseException {

  private final transient List<Violation> violations;

  public ModelRefusedException(List<Violation> violations) {
    super(message(violations), violations.get(0).resource(), problems(violations, violations.get(0).resource()), List.of());
    this.violations = List.copyOf(violations);
    resorceReports = reports(violations); // one report per file (the constructor makes one for the first file only)
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String message(List<Violation> violations) {
    return "The model guard refused this deployment (" + violations.size() + " violation" + (violations.size() == 1 ? "" : "s")
        + "); nothing was deployed:\n" + violations.stream()
        .map(v -> "- " + v.resource() + ": " + v)
        .collect(Collectors.joining("\n"));
  }

  private static List<ResourceReport> reports(List<Violation> violations) {
    Map<String, List<Problem>> byResource = new LinkedHashMap<>();
    for (Violation violation : violations) {
      byResource.computeIfAbsent(violation.resource(), r -> new ArrayList<>()).add(problem(violation));
    }
    List<ResourceReport> reports = new ArrayList<>();
    byResource.forEach((resource, problems) -> reports.add(new Report(resource, problems)));
    return reports;
  }

  private static List<Problem> problems(List<Violation> violations, String resource) {
    return violations.stream().filter(v -> v.resource().equals(resource)).map(ModelRefusedException::problem).toList();
  }

  private static Problem problem(Violation violation) {
    return new GuardProblem(violation.message(), violation.elementId(),
        violation.elementId() == null ? List.of() : List.of(violation.elementId()));
  }

  private record GuardProblem(String message, String mainElementId, List<String> elementIds) implements Problem {
    @Override public String getMessage() { return message; }
    @Override public int getLine() { return 0; }
    @Override public int getColumn() { return 0; }
    @Override public String getMainElementId() { return mainElementId; }
    @Override public List<String> getElementIds() { return elementIds; }
  }

  private record Report(String resourceName, List<Problem> errors) implements ResourceReport {
    @Override public String getResourceName() { return resourceName; }
    @Override public List<Problem> getErrors() { return errors; }
    @Override public List<Problem> getWarnings() { return List.of(); }
  }
}
