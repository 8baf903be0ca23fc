package com.leadhandoff.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What bpmnlint does not check but a process owner opening the file in Camunda Modeler needs: every element
 * drawn, no two shapes on top of each other, readable IDs, a history time-to-live.
 */
class ProcessModelsTest {

  /** IDs say what an element is: Task_AcceptLead, Timer_AcceptSlaBreached, Flow_ToRouteLead; never Activity_0x8f. */
  static final String MEANINGFUL_ID = "(StartEvent|EndEvent|Task|Gateway|Timer|Event|Boundary|SubProcess|CallActivity|Flow|Message|Escalation|Error|Signal|Lane|Participant)_[A-Z][A-Za-z0-9]*";

  static Stream<Path> processes() throws IOException {
    return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest
  @MethodSource("processes")
  void everyElementIsDrawn(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> drawn = new ArrayList<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (element instanceof FlowNode || element instanceof SequenceFlow) {
        assertThat(drawn).as("%s: %s is drawn", file, element.getId()).contains(element.getId());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("processes")
  void noTwoShapesOverlapExceptBoundaryEventsOnTheirTask(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> !(s.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.BoundaryEvent))
        .filter(s -> !(s.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.SubProcess))
        .filter(s -> !(s.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.Participant))
        .filter(s -> !(s.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.Lane))
        .toList();
    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        assertThat(overlap(shapes.get(i).getBounds(), shapes.get(j).getBounds()))
            .as("%s: %s overlaps %s", file, shapes.get(i).getBpmnElement().getId(), shapes.get(j).getBpmnElement().getId())
            .isFalse();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("processes")
  void noLabelCoversAShapeOrAnotherLabel(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<BpmnShape> shapes = List.copyOf(model.getModelElementsByType(BpmnShape.class));
    List<org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel> labels = List.copyOf(
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel.class));
    for (var label : labels) {
      var owner = label.getParentElement();
      for (BpmnShape shape : shapes) {
        if (shape != owner) {
          assertThat(overlap(label.getBounds(), shape.getBounds()))
              .as("%s: the label of %s covers %s", file, owner.getAttributeValue("bpmnElement"), shape.getBpmnElement().getId())
              .isFalse();
        }
      }
      for (var other : labels) {
        if (other != label) {
          assertThat(overlap(label.getBounds(), other.getBounds()))
              .as("%s: the labels of %s and %s overlap", file, owner.getAttributeValue("bpmnElement"),
                  other.getParentElement().getAttributeValue("bpmnElement"))
              .isFalse();
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("processes")
  void everyIdSaysWhatTheElementIs(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      assertThat(element.getId()).as("%s: id of %s", file, element.getName()).matches(MEANINGFUL_ID);
      if (element instanceof FlowNode) {
        assertThat(element.getName()).as("%s: %s has a name a sales manager reads", file, element.getId()).isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("processes")
  void everyProcessKeepsItsHistoryForADefinedTime(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(process.getCamundaHistoryTimeToLiveString()).as("%s: %s", file, process.getId()).isNotBlank();
      assertThat(((BaseElement) process).getId()).matches("[A-Z][A-Za-z]+");
    }
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }
}
