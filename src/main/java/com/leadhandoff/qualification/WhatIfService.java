package com.leadhandoff.qualification;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadJournal;
import com.leadhandoff.lead.LeadRepository;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelException;
import org.springframework.stereotype.Service;

/**
 * Replays leads through the deployed version of a decision and through a candidate file, side by side,
 * on a standalone DMN engine: nothing is deployed, no lead or process is touched, no decision is recorded.
 */
@Service
public class WhatIfService {

  /** The most leads one replay reads. */
  public static final int MAX_LEADS = 10_000;

  private final RepositoryService repository;
  private final LeadRepository leads;
  private final EngagementFacts engagement;
  private final DmnEngine dmn = ParsedOnceFeelEngine.installIn(
      (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration()).buildEngine();

  public WhatIfService(RepositoryService repository, LeadRepository leads, EngagementFacts engagement) {
    this.repository = repository;
    this.leads = leads;
    this.engagement = engagement;
  }

  /** A decision that cannot be replayed: unknown key, or a candidate that does not parse. */
  public static class WhatIfException extends RuntimeException {
    private final boolean notFound;

    WhatIfException(String message, boolean notFound) {
      super(message);
      this.notFound = notFound;
    }

    public boolean notFound() {
      return notFound;
    }
  }

  public WhatIfReport replayLatest(String key, InputStream candidate, int count) {
    return replay(key, candidate, leads.latest(count));
  }

  public WhatIfReport replayCapturedBetween(String key, InputStream candidate, OffsetDateTime from, OffsetDateTime to) {
    return replay(key, candidate, leads.capturedBetween(from, to));
  }

  private WhatIfReport replay(String key, InputStream candidateFile, List<Lead> replayed) {
    DecisionDefinition deployedDefinition = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(key).latestVersion().singleResult();
    if (deployedDefinition == null) {
      throw new WhatIfException("No decision " + key + " is deployed", true);
    }
    DmnDecision deployed = dmn.parseDecision(key, repository.getDecisionModel(deployedDefinition.getId()));
    DmnDecision candidate = parseCandidate(key, candidateFile);
    if (replayed.size() > MAX_LEADS) {
      throw new WhatIfException("A replay reads at most " + MAX_LEADS + " leads; narrow the date range", false);
    }

    OffsetDateTime now = LeadJournal.now();
    Map<String, int[]> outcomes = new TreeMap<>();
    Map<String, Integer> bySource = new TreeMap<>();
    Map<String, Integer> byCampaign = new TreeMap<>();
    Map<String, Integer> byStatus = new TreeMap<>();
    List<WhatIfReport.ChangedLead> changed = new ArrayList<>();
    List<WhatIfReport.FailedLead> failed = new ArrayList<>();
    String output = null;
    for (Lead lead : replayed) {
      Map<String, Object> variables = new HashMap<>(LeadFacts.withQualification(lead));
      variables.putAll(engagement.counts(lead.id(), now));
      List<Map<String, Object>> before;
      List<Map<String, Object>> after;
      try {
        before = rows(dmn.evaluateDecision(deployed, variables));
        after = rows(dmn.evaluateDecision(candidate, variables));
      } catch (DmnEngineException e) {
        failed.add(new WhatIfReport.FailedLead(lead.id(), e.getMessage()));
        continue;
      }
      output = output != null ? output : firstOutputName(before, after);
      outcomes.computeIfAbsent(firstValue(before), v -> new int[2])[0]++;
      outcomes.computeIfAbsent(firstValue(after), v -> new int[2])[1]++;
      if (!before.equals(after)) {
        bySource.merge(Objects.toString(lead.source(), "(none)"), 1, Integer::sum);
        byCampaign.merge(Objects.toString(lead.campaign(), "(none)"), 1, Integer::sum);
        byStatus.merge(lead.status().name(), 1, Integer::sum);
        changed.add(new WhatIfReport.ChangedLead(lead.id(), lead.source(), lead.campaign(), lead.status().name(), before, after));
      }
    }
    List<WhatIfReport.OutcomeShift> shifts = new ArrayList<>();
    for (String value : new TreeSet<>(outcomes.keySet())) {
      int[] counts = outcomes.get(value);
      shifts.add(new WhatIfReport.OutcomeShift(value, counts[0], counts[1], change(counts[0], counts[1])));
    }
    return new WhatIfReport(key, deployedDefinition.getVersion(), replayed.size() - failed.size(), changed.size(), output,
        shifts, bySource, byCampaign, byStatus, changed, failed);
  }

  private DmnDecision parseCandidate(String key, InputStream candidateFile) {
    try {
      return dmn.parseDecision(key, candidateFile);
    } catch (DmnEngineException | DmnModelException e) {
      throw new WhatIfException("The candidate is not a DMN file defining decision " + key + ": " + e.getMessage(), false);
    }
  }

  private static List<Map<String, Object>> rows(DmnDecisionResult result) {
    return result.getResultList().stream().map(row -> (Map<String, Object>) new LinkedHashMap<>(row)).toList();
  }

  private static String firstOutputName(List<Map<String, Object>> before, List<Map<String, Object>> after) {
    List<Map<String, Object>> any = before.isEmpty() ? after : before;
    return any.isEmpty() || any.get(0).isEmpty() ? null : any.get(0).keySet().iterator().next();
  }

  private static String firstValue(List<Map<String, Object>> rows) {
    return rows.isEmpty() || rows.get(0).isEmpty() ? "(no result)" : String.valueOf(rows.get(0).values().iterator().next());
  }

  /** "+12.5%", "-100.0%", or "new" when nothing had this value before. */
  static String change(int before, int after) {
    if (before == 0) {
      return after == 0 ? "+0.0%" : "new";
    }
    return String.format(java.util.Locale.ROOT, "%+.1f%%", 100.0 * (after - before) / before);
  }
}
