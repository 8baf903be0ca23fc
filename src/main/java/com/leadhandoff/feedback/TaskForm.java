package com.leadhandoff.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The answers a deployed Camunda Form asks for, and the variables it shows, read from the form itself: each field's key, label, whether it is
 * required, its length limits, its options (fixed, or from a variable by {@code valuesKey}) and when it is hidden.
 * The form is the one source of the allowed answers: a reason a process owner adds in Modeler is allowed at once.
 */
record TaskForm(String id, List<Field> fields, Set<String> variables) {

  /** One answer the form asks for. {@code hide} is the form's FEEL condition without its leading "=", or null. */
  record Field(String key, String type, String label, boolean required, Integer minLength, Integer maxLength,
      Map<String, String> options, String valuesKey, String hide) {

    /** A label for messages: the form's own words. */
    String name() {
      return "\"" + (label == null || label.isBlank() ? key : label) + "\"";
    }

    String optionLabel(String value) {
      return options.getOrDefault(value, value);
    }
  }

  /** A variable a text quotes, or a field of one: {{name}}, {{facts.whyMql}}. */
  private static final Pattern QUOTED = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*}}");

  static TaskForm of(JsonNode schema) {
    List<Field> fields = new ArrayList<>();
    Set<String> variables = new HashSet<>();
    collect(schema.path("components"), fields, variables);
    return new TaskForm(schema.path("id").asText(), List.copyOf(fields), Set.copyOf(variables));
  }

  /** The form's answers, and the variables it shows: those its texts quote and those its fields take options from. */
  private static void collect(JsonNode components, List<Field> fields, Set<String> variables) {
    for (JsonNode component : components) {
      QUOTED.matcher(component.path("text").asText("")).results().forEach(quoted -> variables.add(quoted.group(1)));
      if (component.hasNonNull("valuesKey")) {
        variables.add(component.get("valuesKey").asText());
      }
      if (component.hasNonNull("key")) {
        JsonNode validate = component.path("validate");
        Map<String, String> options = new LinkedHashMap<>();
        component.path("values").forEach(option -> options.put(option.path("value").asText(), option.path("label").asText()));
        String hide = component.path("conditional").path("hide").asText(null);
        fields.add(new Field(component.get("key").asText(), component.path("type").asText(), component.path("label").asText(null),
            validate.path("required").asBoolean(false), number(validate.get("minLength")), number(validate.get("maxLength")),
            options, component.path("valuesKey").asText(null), hide == null ? null : hide.replaceFirst("^=", "")));
      }
      collect(component.path("components"), fields, variables);
    }
  }

  /** A length limit given as a number (a FEEL expression limit is left to the form). */
  private static Integer number(JsonNode limit) {
    return limit != null && limit.isNumber() ? limit.asInt() : null;
  }

  Field field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalStateException("Form " + id + " has no field " + key));
  }

  /**
   * What the answers break of the form's own rules, in the form's words: a visible required field left empty, an answer
   * that is not one of the field's options, a text too long or too short. Hidden fields are not checked.
   *
   * @param answers the task's variables, JSON values already read as lists and maps
   * @param hidden whether a field's hide condition holds for these answers
   */
  List<String> problems(Map<String, Object> answers, Predicate<Field> hidden) {
    List<String> problems = new ArrayList<>();
    for (Field field : fields) {
      if (hidden.test(field)) {
        continue;
      }
      Object value = answers.get(field.key());
      List<String> chosen = value instanceof Collection<?> values ? values.stream().map(String::valueOf).toList()
          : value == null || value.toString().isBlank() ? List.of() : List.of(value.toString().trim());
      if (chosen.isEmpty()) {
        if (field.required()) {
          problems.add(field.name() + " needs an answer");
        }
        continue;
      }
      Collection<String> allowed = allowedValues(field, answers);
      if (allowed != null && !allowed.containsAll(chosen)) {
        problems.add(field.name() + " cannot be " + chosen.stream().filter(v -> !allowed.contains(v)).map(v -> "\"" + v + "\"").toList()
            + ": choose from the form's options");
        continue;
      }
      String text = chosen.get(0);
      if (field.maxLength() != null && text.length() > field.maxLength()) {
        problems.add(field.name() + " may hold at most " + field.maxLength() + " characters");
      }
      if (field.minLength() != null && text.length() < field.minLength()) {
        problems.add(field.name() + " needs at least " + field.minLength() + " characters");
      }
    }
    return problems;
  }

  /** The field's options, fixed in the form or listed by the variable its valuesKey names; null for free answers. */
  private static Collection<String> allowedValues(Field field, Map<String, Object> answers) {
    if (field.valuesKey() != null) {
      List<String> values = new ArrayList<>();
      if (answers.get(field.valuesKey()) instanceof Collection<?> options) {
        options.forEach(option -> values.add(String.valueOf(option instanceof Map<?, ?> map ? map.get("value") : option)));
      }
      return values;
    }
    return field.options().isEmpty() ? null : field.options().keySet();
  }
}
