package com.leadhandoff.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.springframework.stereotype.Component;

/**
 * A task is completed with its form's answers and nothing else: complete, submit-form, resolve, bpmnError and
 * bpmnEscalation, through the REST API or Tasklist, may send only variables that are fields of the Camunda Form
 * deployed with the task's process version ({@link TaskForm}). A rep answers the form; they cannot set the lead's
 * {@code team}, {@code acceptBreaches} or the contact's {@code email} on the way. Anything else is refused with 400
 * naming the variables and the form's fields before the engine is called, so nothing is written. A task the caller
 * cannot see, or one without a Camunda Form, is left to Camunda to answer. Registered on both of Camunda's JAX-RS
 * applications (api.EngineRestErrors, api.WebappEngineApiErrors); stateless, as Jersey makes its own from the class name.
 */
@Component
public class FormFieldsOnly implements ContainerRequestFilter {

  /** The task commands that set variables: /engine-rest/task/{id}/..., and /engine/{name}/task/{id}/... */
  static final Pattern TASK_COMMAND = Pattern.compile("/?(?:engine/([^/]+)/)?task/([^/]+)/(complete|submit-form|resolve|bpmnError|bpmnEscalation)/?");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    Matcher command = TASK_COMMAND.matcher(request.getUriInfo().getPath());
    if (!"POST".equals(request.getMethod()) || !command.matches() || !request.hasEntity()) {
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    JsonNode variables;
    try {
      variables = JSON.readTree(body).path("variables");
    } catch (IOException notJson) {
      return; // Camunda answers what it cannot read
    }
    if (!variables.isObject() || variables.isEmpty()) {
      return;
    }
    Set<String> fields = formFields(EngineUtil.lookupProcessEngine(command.group(1)), command.group(2));
    if (fields == null) {
      return;
    }
    List<String> others = new ArrayList<>();
    variables.fieldNames().forEachRemaining(name -> {
      if (!fields.contains(name)) {
        others.add(name);
      }
    });
    if (!others.isEmpty()) {
      request.abortWith(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "InvalidRequestException", "message", "Only the task form's fields can be sent with the task ("
              + String.join(", ", new TreeSet<>(fields)) + "); not " + String.join(", ", others) + ". Nothing was saved."))
          .build());
    }
  }

  /** The field keys of the task's deployed Camunda Form, or null when the caller cannot see the task or it has none. */
  private static Set<String> formFields(ProcessEngine engine, String taskId) {
    if (engine == null) {
      return null;
    }
    try (InputStream form = engine.getFormService().getDeployedTaskForm(taskId)) {
      return TaskForm.of(JSON.readTree(form)).fields().stream().map(TaskForm.Field::key).collect(Collectors.toSet());
    } catch (ProcessEngineException | IOException noForm) {
      return null;
    }
  }
}
