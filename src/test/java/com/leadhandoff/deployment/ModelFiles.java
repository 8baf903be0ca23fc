package com.leadhandoff.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** Small models written to a folder, as a process owner's edits would be. */
final class ModelFiles {

  private ModelFiles() {}

  static String decision(String key, String output) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_%1$s" name="%1$s" namespace="http://leadhandoff.com/test">
          <decision id="%1$s" name="%1$s">
            <decisionTable id="Table_%1$s">
              <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string"><text>source</text></inputExpression></input>
              <output id="Output_1" name="result" typeRef="string" />
              <rule id="Rule_1"><inputEntry id="In_1"><text>-</text></inputEntry><outputEntry id="Out_1"><text>"%2$s"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(key, output);
  }

  static BpmnModelInstance processWithForm(String key, String formId) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_Started")
        .userTask("Task_Work").camundaFormRef(formId).camundaFormRefBinding("deployment")
        .endEvent("EndEvent_Done")
        .done();
  }

  static String form(String id, String label) {
    return """
        {"id": "%s", "type": "default", "schemaVersion": 16,
         "components": [{"id": "Field_Comment", "key": "comment", "label": "%s", "type": "textfield"}]}
        """.formatted(id, label);
  }

  static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
