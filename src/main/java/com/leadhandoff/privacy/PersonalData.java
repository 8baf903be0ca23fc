package com.leadhandoff.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The one declaration of what is personal ({@code privacy/personal-data.txt}, read at start-up): every process variable
 * and form field that can hold text, and every text column of the lead's record ({@code leads.<column>}), is
 * {@code personal} (erased) or {@code kept}. What nobody declared counts as personal.
 */
@Component
public class PersonalData {

  private static final Logger LOG = LoggerFactory.getLogger(PersonalData.class);
  static final String FILE = "privacy/personal-data.txt";
  private static final String LEAD_COLUMN = "leads.";
  /** The variable types that can hold text (the engine's type names); numbers, dates and booleans cannot. */
  static final Set<String> TEXT_TYPES = Set.of("string", "json", "xml", "bytes", "file", "object");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Boolean> personalByName;
  private final RepositoryService repository;

  @Autowired
  public PersonalData(RepositoryService repository) {
    this(repository, read());
  }

  PersonalData(RepositoryService repository, Map<String, Boolean> personalByName) {
    this.repository = repository;
    this.personalByName = Map.copyOf(personalByName);
  }

  private static Map<String, Boolean> read() {
    try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + FILE, e);
    }
  }

  /** Lines of name, class (personal or kept) and why; # starts a comment. */
  static Map<String, Boolean> parse(String text) {
    Map<String, Boolean> classes = new HashMap<>();
    int number = 0;
    for (String line : text.split("\n")) {
      number++;
      String[] parts = line.strip().split("\\s+", 3);
      if (parts[0].isEmpty() || parts[0].startsWith("#")) {
        continue;
      }
      if (parts.length < 3 || !(parts[1].equals("personal") || parts[1].equals("kept")) || !parts[0].matches("[A-Za-z][\\w.]*")) {
        throw new IllegalStateException(FILE + " line " + number + ": expected 'name personal|kept why', not: " + line);
      }
      if (classes.put(parts[0], parts[1].equals("personal")) != null) {
        throw new IllegalStateException(FILE + " line " + number + ": " + parts[0] + " is declared twice");
      }
    }
    return classes;
  }

  /** Whether the erasure keeps this text variable: only what is declared kept. */
  boolean kept(String variable) {
    return Boolean.FALSE.equals(personalByName.get(variable));
  }

  boolean declared(String name) {
    return personalByName.containsKey(name);
  }

  /** The personal text columns of the lead's record. */
  Set<String> personalLeadColumns() {
    return personalByName.entrySet().stream().filter(e -> e.getValue() && e.getKey().startsWith(LEAD_COLUMN))
        .map(e -> e.getKey().substring(LEAD_COLUMN.length())).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Of these text columns of the lead's record, those nobody declared. */
  List<String> undeclaredLeadColumns(Collection<String> columns) {
    return columns.stream().map(String::toLowerCase).filter(c -> !declared(LEAD_COLUMN + c)).sorted().toList();
  }

  /** The fields (components with a key, of any type) of a Camunda Form that nobody declared, as "form: key (type)". */
  List<String> undeclaredFields(String form, JsonNode schema) {
    List<String> undeclared = new ArrayList<>();
    collect(form, schema.path("components"), undeclared);
    return undeclared;
  }

  private void collect(String form, JsonNode components, List<String> undeclared) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key") && !declared(component.get("key").asText())) {
        undeclared.add(form + ": " + component.get("key").asText() + " (" + component.path("type").asText() + ")");
      }
      collect(form, component.path("components"), undeclared);
    }
  }

  /** The fields of the forms deployed with the newest version of every process that nobody declared. */
  List<String> undeclaredDeployedFields() {
    List<String> undeclared = new ArrayList<>();
    for (ProcessDefinition process : repository.createProcessDefinitionQuery().latestVersion().list()) {
      for (String resource : repository.getDeploymentResourceNames(process.getDeploymentId())) {
        if (resource.endsWith(".form")) {
          try (InputStream form = repository.getResourceAsStream(process.getDeploymentId(), resource)) {
            undeclared.addAll(undeclaredFields(resource, JSON.readTree(form)));
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the deployed form " + resource, e);
          }
        }
      }
    }
    return undeclared.stream().distinct().sorted().toList();
  }

  /** A form deployed from Modeler may bring a field nobody declared: the erasure erases it; the operator should know. */
  @EventListener(ApplicationReadyEvent.class)
  void warnAboutUndeclaredFields() {
    List<String> undeclared = undeclaredDeployedFields();
    if (!undeclared.isEmpty()) {
      LOG.warn("Form fields not declared in {} (erased as personal until declared): {}", FILE, undeclared);
    }
  }
}
