package com.leadhandoff.bench;

import com.leadhandoff.qualification.ParsedOnceFeelEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * Scenario 3 (bench/README.md): evaluations per second of the full qualification chain as the lifecycle runs it
 * (IdealCustomerFit with FitPoints, EngagementScore with EngagementPoints, LeadPriority, MqlDefinition, LeadRouting,
 * SlaPolicy; each feeding the next) against a trivial one-input, two-rule table, both on Camunda's DMN engine in
 * the same run, on 1,000 generated leads. Usage: bench/run decisions [chains]
 */
public final class DecisionsBench {

  static final List<String> CHAIN = List.of("IdealCustomerFit", "EngagementScore", "LeadPriority", "MqlDefinition", "LeadRouting",
      "SlaPolicy");

  static final String TRIVIAL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Trivial" name="Trivial" namespace="bench">
        <decision id="CompanySizeBand" name="Company size band">
          <decisionTable id="Table" hitPolicy="FIRST">
            <input id="In"><inputExpression id="InExpr" typeRef="integer"><text>companySize</text></inputExpression></input>
            <output id="Out" name="band" typeRef="string" />
            <rule id="Small"><inputEntry id="S1"><text>&lt; 100</text></inputEntry><outputEntry id="S2"><text>"small"</text></outputEntry></rule>
            <rule id="Large"><inputEntry id="L1"><text>-</text></inputEntry><outputEntry id="L2"><text>"large"</text></outputEntry></rule>
          </decisionTable>
        </decision>
      </definitions>""";

  private DecisionsBench() {}

  public static void main(String[] args) throws IOException {
    int chains = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    // the FEEL engine the product runs (ParsedOnceFeelEngine); the trivial table gets it too
    DmnEngine dmn = ParsedOnceFeelEngine.installIn(
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration()).buildEngine();
    Map<String, DmnDecision> decisions = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("decisions"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          dmn.parseDecisions(in).forEach(d -> decisions.put(d.getKey(), d));
        }
      }
    }
    DmnDecision trivial = dmn.parseDecision("CompanySizeBand", new ByteArrayInputStream(TRIVIAL.getBytes(StandardCharsets.UTF_8)));
    List<Map<String, Object>> leads = leads(1000);

    Runnable chain = new Runnable() {
      int next;

      @Override
      public void run() {
        Map<String, Object> facts = new HashMap<>(leads.get(next++ % leads.size()));
        for (String key : CHAIN) {
          DmnDecisionResult result = dmn.evaluateDecision(decisions.get(key), facts);
          if (!result.isEmpty()) {
            facts.putAll(result.getFirstResult().getEntryMap());
          }
        }
      }
    };
    Runnable single = new Runnable() {
      int next;

      @Override
      public void run() {
        dmn.evaluateDecision(trivial, leads.get(next++ % leads.size()));
      }
    };
    for (int i = 0; i < chains / 5; i++) { // warm-up: JIT and FEEL caches
      chain.run();
      single.run();
    }
    // each table on its own, with the facts the tables before it produced: where the chain spends its time
    List<Map<String, Object>> fed = new ArrayList<>();
    for (Map<String, Object> lead : leads) {
      Map<String, Object> facts = new HashMap<>(lead);
      for (String key : CHAIN) {
        DmnDecisionResult result = dmn.evaluateDecision(decisions.get(key), facts);
        if (!result.isEmpty()) {
          facts.putAll(result.getFirstResult().getEntryMap());
        }
      }
      fed.add(facts);
    }
    List<String[]> perTable = new ArrayList<>();
    for (String key : CHAIN) {
      int[] next = {0};
      double perSecond = rate(() -> dmn.evaluateDecision(decisions.get(key), fed.get(next[0]++ % fed.size())), Math.max(1000, chains / 5));
      perTable.add(new String[] {"  " + key + (decisions.get(key).getRequiredDecisions().isEmpty() ? "" : " (with its required table)"),
          String.format("%,.0f", perSecond), ""});
      System.out.printf("BENCH decisions.table.%s_per_s %.0f%n", key, perSecond);
    }
    double chainsPerSecond = rate(chain, chains);
    double trivialPerSecond = rate(single, chains * CHAIN.size());
    double tablesPerSecond = chainsPerSecond * CHAIN.size();
    BenchTiming.print(List.of("decisions (same run, DMN engine)", "per second", "x trivial"), List.of(
        new String[] {"trivial table (1 input, 2 rules)", String.format("%,.0f", trivialPerSecond), "1.00"},
        new String[] {"qualification chain (6 tables + 2 required)", String.format("%,.0f", chainsPerSecond),
            String.format("%.3f", chainsPerSecond / trivialPerSecond)},
        new String[] {"...its tables, each", String.format("%,.0f", tablesPerSecond), String.format("%.3f", tablesPerSecond / trivialPerSecond)}));
    BenchTiming.print(List.of("each table of the chain", "per second", "note"), perTable);
    System.out.printf("BENCH decisions.trivial_per_s %.0f%nBENCH decisions.chain_per_s %.0f%nBENCH decisions.chain_ratio_to_trivial %.4f%n",
        trivialPerSecond, chainsPerSecond, chainsPerSecond / trivialPerSecond);
  }

  private static double rate(Runnable work, int times) {
    long start = System.nanoTime();
    for (int i = 0; i < times; i++) {
      work.run();
    }
    return times / ((System.nanoTime() - start) / 1e9);
  }

  /** Leads as the capture API hands them to the process: varied sizes, industries, countries, titles and activity. */
  static List<Map<String, Object>> leads(int count) {
    Random random = new Random(42);
    String[] industries = {"software", "manufacturing", "retail", "finance", "education", "healthcare"};
    String[] countries = {"DE", "US", "FR", "GB", "BR", "JP"};
    String[] titles = {"VP Sales", "CTO", "Student", "Marketing Manager", "Head of Operations", null};
    String[] timeframes = {"within-3-months", "within-12-months", "no-plan", null};
    List<Map<String, Object>> leads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> facts = new HashMap<>();
      facts.put("email", "lead" + i + "@company" + (i % 97) + ".example");
      facts.put("companyDomain", "company" + (i % 97) + ".example");
      facts.put("title", titles[random.nextInt(titles.length)]);
      facts.put("companySize", 5 + random.nextInt(5000));
      facts.put("industry", industries[random.nextInt(industries.length)]);
      facts.put("country", countries[random.nextInt(countries.length)]);
      facts.put("source", "webinar");
      facts.put("buyingTimeframe", timeframes[random.nextInt(timeframes.length)]);
      facts.put("firstMeetingExpectation", random.nextBoolean() ? "demo" : null);
      facts.put("demoRequests30d", random.nextInt(2));
      facts.put("pricingViews30d", random.nextInt(4));
      facts.put("webinarsAttended90d", random.nextInt(3));
      facts.put("contentDownloads90d", random.nextInt(5));
      facts.put("emailClicks30d", random.nextInt(6));
      facts.put("daysSinceLastActivity", random.nextInt(120));
      facts.put("newEngagementSinceRejection", null);
      leads.add(facts);
    }
    return leads;
  }
}
