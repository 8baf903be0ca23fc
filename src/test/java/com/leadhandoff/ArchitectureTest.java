package com.leadhandoff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries: each package is a feature; features depend on each other without cycles, and each owns its
 * tables: only the owner reads and writes them, the others call its API or listen to its events.
 */
class ArchitectureTest {

  static final JavaClasses PRODUCT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("com.leadhandoff");

  /** Every table of {@code db/migration} and the feature (package) that owns it. */
  static final Map<String, String> OWNERS = Map.ofEntries(
      Map.entry("leads", "lead"), Map.entry("lead_stage_events", "lead"), Map.entry("lead_decisions", "lead"),
      Map.entry("lead_activities", "lead"), Map.entry("open_leads", "lead"),
      Map.entry("idempotency_keys", "capture"), Map.entry("import_jobs", "capture"), Map.entry("import_rows", "capture"),
      Map.entry("import_chunks", "capture"),
      Map.entry("lead_sla_clocks", "sla"), Map.entry("lead_sla_breaches", "sla"),
      Map.entry("routing_ledger", "handoff"), Map.entry("rep_availability", "handoff"),
      Map.entry("lead_contacts", "feedback"), Map.entry("lead_feedback", "feedback"),
      Map.entry("accounts", "accounts"), Map.entry("account_domains", "accounts"),
      Map.entry("lead_milestones", "reporting"), Map.entry("lead_erasures", "privacy"),
      Map.entry("outbox_messages", "outbox"), Map.entry("outbox_attempts", "outbox"),
      Map.entry("webhook_subscriptions", "webhooks"), Map.entry("notification_preferences", "notifications"),
      Map.entry("sales_teams", "teams"), Map.entry("team_working_hours", "teams"), Map.entry("team_company_days", "teams"),
      Map.entry("team_managers", "teams"), Map.entry("team_settings_version", "teams"), Map.entry("sales_reps", "teams"),
      Map.entry("rep_working_hours", "teams"), Map.entry("rep_absences", "teams"), Map.entry("team_audit", "teams"),
      Map.entry("integration_keys", "integrations"));

  /** Reporting is the read model: its reports aggregate the features' tables in SQL (reads only, never writes). */
  static final Set<String> READS_EVERY_TABLE = Set.of("reporting");

  static final Pattern WRITE = Pattern.compile("\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
  static final Pattern READ = Pattern.compile("(?<!delete\\s{1,9})\\b(?:from|join)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
  static final Pattern CREATE = Pattern.compile("create\\s+table\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

  @Test
  void theFeaturesDependOnEachOtherWithoutCycles() {
    slices().matching("com.leadhandoff.(*)..").should().beFreeOfCycles().check(PRODUCT);
  }

  @Test
  void onlyTheEngineClockReadsTheEnginesClock() {
    noClasses().that().doNotHaveFullyQualifiedName("com.leadhandoff.operations.EngineClock")
        .should().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.impl.util.ClockUtil")
        .because("the application's time is the injected java.time.Clock (operations.EngineClock)")
        .check(PRODUCT);
  }

  /** The classes that use engine or webapp internals (README, "Engine and webapp internals"): this list and no other. */
  static final Set<String> USE_INTERNALS = Set.of("feedback.TaskAnswers", "handoff.RepAssignment", "handoff.Reassignments", "security.ObjectVariables",
      "modelguard.ExpressionPolicy", "modelguard.FeelOnly", "modelguard.ModelGuardPlugin", "operations.ConflictRetryPlugin", "operations.EngineClock", "operations.EngineIndexes", "operations.WaitsHistoryLevel",
      "qualification.DecisionAuditPlugin", "qualification.ParsedOnceFeelEngine", "qualification.WhatIfService",
      "reporting.SlaBreachesCockpitPlugin", "security.IdentityBootstrap", "security.PasswordHashing", "security.SecurityConfig",
      "security.SpringSecurityUser", "security.TaskWorkerAuthorizations");

  @Test
  void onlyTheListedClassesUseEngineOrWebappInternals() {
    Set<String> users = new TreeSet<>();
    PRODUCT.forEach(type -> type.getDirectDependenciesFromSelf().stream()
        .map(dependency -> dependency.getTargetClass().getPackageName())
        .filter(target -> target.startsWith("org.camunda.") && (target.contains(".impl.") || target.endsWith(".impl")))
        .findAny()
        .ifPresent(internal -> users.add(type.getName().replaceFirst("^com\\.leadhandoff\\.", "").replaceFirst("\\$.*", ""))));
    assertThat(users).as("classes using org.camunda..impl.. (keep README's list of internals true)")
        .containsExactlyInAnyOrderElementsOf(USE_INTERNALS);
  }

  @Test
  void everyTableHasAnOwner() throws IOException {
    Set<String> tables = new TreeSet<>();
    try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
      for (Path migration : migrations.toList()) {
        Matcher created = CREATE.matcher(Files.readString(migration));
        while (created.find()) {
          tables.add(created.group(1).toLowerCase());
        }
      }
    }
    assertThat(OWNERS.keySet()).as("tables and their owners (OWNERS)").containsExactlyInAnyOrderElementsOf(tables);
  }

  @Test
  void eachFeatureReadsAndWritesOnlyItsOwnTables() throws IOException {
    Map<String, Set<String>> breaches = new TreeMap<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java/com/leadhandoff"))) {
      for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
        String feature = source.getParent().getFileName().toString();
        String code = Files.readString(source);
        for (String table : tables(WRITE, code)) {
          if (!feature.equals(OWNERS.get(table))) {
            breaches.computeIfAbsent(feature + " writes " + table, k -> new TreeSet<>()).add(source.getFileName().toString());
          }
        }
        for (String table : tables(READ, code)) {
          if (!feature.equals(OWNERS.get(table)) && !READS_EVERY_TABLE.contains(feature)) {
            breaches.computeIfAbsent(feature + " reads " + table, k -> new TreeSet<>()).add(source.getFileName().toString());
          }
        }
      }
    }
    assertThat(breaches).as("each table is read and written by its owner only (OWNERS); the others use its API or its events")
        .isEmpty();
  }

  /** The product's tables the code names after the pattern's keyword (engine tables and subqueries are not the product's). */
  private static Set<String> tables(Pattern pattern, String code) {
    Set<String> tables = new TreeSet<>();
    Matcher matcher = pattern.matcher(code);
    while (matcher.find()) {
      String table = matcher.group(1).toLowerCase();
      if (OWNERS.containsKey(table)) {
        tables.add(table);
      }
    }
    return tables;
  }
}
