package com.leadhandoff;

import com.leadhandoff.feedback.TaskFacts;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.json.SpinJsonNode;

/** What a task's form quotes of the lead ({{facts.name}}), read as Tasklist reads it: from the task's facts variable. */
public final class TaskFactsShown {

  private TaskFactsShown() {}

  /** The fact's text, or null when the task's form does not quote it (or the lead has none). */
  public static String fact(ProcessEngine engine, String taskId, String name) {
    SpinJsonNode facts = (SpinJsonNode) engine.getTaskService().getVariableLocal(taskId, TaskFacts.FACTS);
    return facts == null || !facts.hasProp(name) ? null : facts.prop(name).stringValue();
  }
}
