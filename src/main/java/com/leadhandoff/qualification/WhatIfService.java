package com.leadhandoff.qualification;

import com.leadhandoff.lead.Activity;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.modelguard.DecisionContracts;
import com.leadhandoff.modelguard.FeelOnly;
import com.leadhandoff.modelguard.ModelGuard;
import com.leadhandoff.modelguard.Violation;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionLiteralExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelException;
import org.springframework.stereotype.Service;

/**
 * Replays leads through the deployed version of a decision and through a candidate file, side by side,
 * on a standalone DMN engine: nothing is deployed, no lead or process is touched, no decision is recorded.
 * The candidate passes the same model guard and decision contract as a deployment before it is parsed, and the
 * standalone engine runs FEEL only. A lead counts as changed when an outcome output of the decision's contract
 * changes; a change of explaining text only (e.g. {@code mqlReason}) is counted apart.
 */
@Service
public class WhatIfService {

  /** The most leads one replay reads. */
  public static final int MAX_LEADS = 10_000;

  private final RepositoryService repository;
  private final LeadRepository leads;
  private final Clock clock;
  private final ModelGuard guard;
  private final ParsedOnceFeelEngine feel = new ParsedOnceFeelEngine(List.of());
  private final DmnEngine dmn = FeelOnly.install(ParsedOnceFeelEngine.installIn(
      (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())).buildEngine();

  public WhatIfService(RepositoryService repository, LeadRepository leads, ModelGuard guard, Clock clock) {
    this.clock = clock;
    this.repository = repository;
    this.leads = leads;
    this.guard = guard;
  }

  /** A decision that cannot be replayed: unknown key, a candidate that does not parse or that the guard refuses. */
  public static class WhatIfException extends RuntimeException {
    private final boolean notFound;
    private final transient List<Violation> violations;

    WhatIfException(String message, boolean notFound) {
      this(message, notFound, List.of());
    }

    WhatIfException(String message, boolean notFound, List<Violation> violations) {
      super(message);
      this.notFound = notFound;
      this.violations = List.copyOf(violations);
    }

    public boolean notFound() {
      return notFound;
    }

    public List<Violation> violations() {
      return violations;
    }
  }

  public WhatIfReport replayLatest(String key, byte[] candidate, int count) {
    return replay(key, candidate, () -> leads.latest(count));
  }

  public WhatIfReport replayCapturedBetween(String key, byte[] candidate, OffsetDateTime from, OffsetDateTime to) {
    return replay(key, candidate, () -> leads.capturedBetween(from, to));
  }

  private WhatIfReport replay(String key, byte[] candidateFile, java.util.function.Supplier<List<Lead>> toReplay) {
    DecisionDefinition deployedDefinition = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(key).latestVersion().singleResult();
    if (deployedDefinition == null) {
      throw new WhatIfException("No decision " + key + " is deployed", true);
    }
    DmnDecision candidate = parseCandidate(key, candidateFile);
    DmnDecision deployed;
    try {
      deployed = dmn.parseDecision(key, repository.getDecisionModel(deployedDefinition.getId()));
    } catch (DmnEngineException e) { // a version deployed before the guard, e.g. in another expression language
      throw new WhatIfException("The deployed version " + deployedDefinition.getVersion() + " of " + key
          + " cannot be replayed: " + reasons(e), false);
    }
    List<Lead> replayed = toReplay.get();
    if (replayed.size() > MAX_LEADS) {
      throw new WhatIfException("A replay reads at most " + MAX_LEADS + " leads; narrow the date range", false);
    }

    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<String, int[]> outcomes = new TreeMap<>();
    Map<String, Integer> bySource = new TreeMap<>();
    Map<String, Integer> byCampaign = new TreeMap<>();
    Map<String, Integer> byStatus = new TreeMap<>();
    List<WhatIfReport.ChangedLead> changed = new ArrayList<>();
    List<WhatIfReport.ChangedLead> textChanged = new ArrayList<>();
    List<WhatIfReport.FailedLead> failed = new ArrayList<>();
    List<String> outcomeOutputs = DecisionContracts.of(key).map(DecisionContracts.Contract::outcomeOutputs).orElse(null);
    String output = outcomeOutputs == null || outcomeOutputs.isEmpty() ? null : outcomeOutputs.get(0);
    Map<UUID, List<Activity>> activities = leads.activitiesOf(replayed.stream().map(Lead::id).toList()); // one query
    for (Lead lead : replayed) {
      Map<String, Object> variables = new HashMap<>(LeadFacts.withQualification(lead));
      variables.putAll(EngagementFacts.counts(activities.getOrDefault(lead.id(), List.of()), now));
      List<Map<String, Object>> before;
      List<Map<String, Object>> after;
      try {
        before = rows(dmn.evaluateDecision(deployed, variables));
        after = rows(dmn.evaluateDecision(candidate, variables));
      } catch (DmnEngineException e) {
        failed.add(new WhatIfReport.FailedLead(lead.id(), e.getMessage()));
        continue;
      }
      var outsideContract = DecisionContracts.problemWith(key, after);
      if (outsideContract.isPresent()) { // in a process this lead would stop at an incident
        failed.add(new WhatIfReport.FailedLead(lead.id(), outsideContract.get()));
        continue;
      }
      output = output != null ? output : firstOutputName(before, after);
      outcomes.computeIfAbsent(value(before, output), v -> new int[2])[0]++;
      outcomes.computeIfAbsent(value(after, output), v -> new int[2])[1]++;
      WhatIfReport.ChangedLead change = new WhatIfReport.ChangedLead(lead.id(), lead.attribution().source(),
          lead.attribution().campaign(), lead.progress().status().name(), before, after);
      if (!only(before, outcomeOutputs).equals(only(after, outcomeOutputs))) {
        bySource.merge(Objects.toString(lead.attribution().source(), "(none)"), 1, Integer::sum);
        byCampaign.merge(Objects.toString(lead.attribution().campaign(), "(none)"), 1, Integer::sum);
        byStatus.merge(lead.progress().status().name(), 1, Integer::sum);
        changed.add(change);
      } else if (!before.equals(after)) {
        textChanged.add(change);
      }
    }
    List<WhatIfReport.OutcomeShift> shifts = new ArrayList<>();
    for (String value : new TreeSet<>(outcomes.keySet())) {
      int[] counts = outcomes.get(value);
      shifts.add(new WhatIfReport.OutcomeShift(value, counts[0], counts[1], change(counts[0], counts[1])));
    }
    return new WhatIfReport(key, deployedDefinition.getVersion(), replayed.size() - failed.size(), changed.size(),
        textChanged.size(), output, shifts, bySource, byCampaign, byStatus, changed, textChanged, failed);
  }

  /** The candidate, checked by the model guard and its decision's contract first, then parsed (FEEL only). */
  private DmnDecision parseCandidate(String key, byte[] candidateFile) {
    List<Violation> violations = guard.checkDecision("candidate.dmn", candidateFile);
    if (!violations.isEmpty()) {
      throw new WhatIfException("The candidate is refused, as a deployment of it would be (" + violations.size() + " violation"
          + (violations.size() == 1 ? "" : "s") + "): " + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")),
          false, violations);
    }
    DmnDecision candidate;
    try {
      candidate = dmn.parseDecision(key, new ByteArrayInputStream(candidateFile));
    } catch (DmnEngineException | DmnModelException e) {
      throw new WhatIfException("The candidate is not a DMN file defining decision " + key + ": " + reasons(e), false);
    }
    List<Violation> syntax = new ArrayList<>();
    feelSyntax(candidate, syntax);
    if (!syntax.isEmpty()) {
      throw new WhatIfException("The candidate has " + syntax.size() + " FEEL expression" + (syntax.size() == 1 ? "" : "s")
          + " that do not parse: " + syntax.stream().map(Violation::toString).collect(Collectors.joining("; ")), false, syntax);
    }
    return candidate;
  }

  /**
   * Every FEEL text of the decision and those it requires that does not parse, named by its rule (or input): the DMN
   * parser leaves FEEL to the first evaluation, where a syntax error would fail every lead.
   */
  private void feelSyntax(DmnDecision decision, List<Violation> violations) {
    if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
      table.getInputs().forEach(input -> feelSyntax(decision, input.getId(), "input expression", input.getExpression(), false, violations));
      for (DmnDecisionTableRuleImpl rule : table.getRules()) {
        rule.getConditions().forEach(entry -> feelSyntax(decision, rule.getId(), "input entry", entry, true, violations));
        rule.getConclusions().forEach(entry -> feelSyntax(decision, rule.getId(), "output entry", entry, false, violations));
      }
    } else if (decision.getDecisionLogic() instanceof DmnDecisionLiteralExpressionImpl literal) {
      feelSyntax(decision, decision.getKey(), "literal expression", literal.getExpression(), false, violations);
    }
    decision.getRequiredDecisions().forEach(required -> feelSyntax(required, violations));
  }

  private void feelSyntax(DmnDecision decision, String elementId, String what, DmnExpressionImpl expression, boolean unaryTests,
      List<Violation> violations) {
    String text = expression == null ? null : expression.getExpression();
    if (text == null || text.isBlank()) {
      return; // an empty cell: any value
    }
    feel.syntaxError(text, unaryTests).ifPresent(reason -> violations.add(new Violation("candidate.dmn", elementId,
        "decision " + decision.getKey() + ", " + what + " '" + text + "' is not valid FEEL: " + reason)));
  }

  /** The exception's message and those of its causes: the parser's reason is often only in a cause. */
  private static String reasons(Throwable e) {
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
        message.append(": ").append(cause.getMessage());
      }
    }
    return message.toString();
  }

  /** The rows with only the given outputs (all of them when null). */
  private static List<Map<String, Object>> only(List<Map<String, Object>> rows, List<String> outputs) {
    if (outputs == null) {
      return rows;
    }
    return rows.stream().map(row -> {
      Map<String, Object> kept = new LinkedHashMap<>();
      outputs.forEach(name -> kept.put(name, row.get(name)));
      return kept;
    }).toList();
  }

  private static List<Map<String, Object>> rows(DmnDecisionResult result) {
    return result.getResultList().stream().map(row -> (Map<String, Object>) new LinkedHashMap<>(row)).toList();
  }

  private static String firstOutputName(List<Map<String, Object>> before, List<Map<String, Object>> after) {
    List<Map<String, Object>> any = before.isEmpty() ? after : before;
    return any.isEmpty() || any.get(0).isEmpty() ? null : any.get(0).keySet().iterator().next();
  }

  private static String value(List<Map<String, Object>> rows, String output) {
    return rows.isEmpty() || output == null || !rows.get(0).containsKey(output) ? "(no result)" : String.valueOf(rows.get(0).get(output));
  }

  /** "+12.5%", "-100.0%", or "new" when nothing had this value before. */
  static String change(int before, int after) {
    if (before == 0) {
      return after == 0 ? "+0.0%" : "new";
    }
    return String.format(java.util.Locale.ROOT, "%+.1f%%", 100.0 * (after - before) / before);
  }
}
