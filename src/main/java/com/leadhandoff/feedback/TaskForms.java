package com.leadhandoff.feedback;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form deployed with a task's process version, and its rules applied to the task's answers. Forms of a
 * deployment never change, so each is read once per process version and task.
 */
@Component
class TaskForms {

  private final FormService forms;
  private final ObjectMapper json = new ObjectMapper();
  private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();
  private final Map<String, TaskForm> byTask = new ConcurrentHashMap<>();

  TaskForms(FormService forms) {
    this.forms = forms;
  }

  TaskForm of(DelegateTask task) {
    return byTask.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(), key -> read(task));
  }

  private TaskForm read(DelegateTask task) {
    try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
      return TaskForm.of(json.readTree(form));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the form of task " + task.getName(), e);
    }
  }

  /** The task's variables as the form sees them: JSON values (checklists, option lists) as lists and maps. */
  Map<String, Object> answers(DelegateTask task) {
    Map<String, Object> answers = new HashMap<>();
    task.getVariables().forEach((name, value) -> answers.put(name, value instanceof SpinJsonNode node ? plain(node) : value));
    return answers;
  }

  /** What the answers break of the form's own rules (required, options, lengths), hidden fields left out. */
  List<String> problems(TaskForm form, Map<String, Object> answers) {
    return form.problems(answers, field -> hidden(field, answers));
  }

  /** Whether the form hides the field for these answers: its FEEL condition, as form-js evaluates it in Tasklist. */
  boolean hidden(TaskForm.Field field, Map<String, Object> answers) {
    if (field.hide() == null) {
      return false;
    }
    EvaluationResult result = feel.evaluateExpression(field.hide(), answers);
    return result.isSuccess() && Boolean.TRUE.equals(result.result());
  }

  private Object plain(SpinJsonNode node) {
    try {
      return json.readValue(node.toString(), new TypeReference<Object>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
