package com.leadhandoff.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The Camunda REST API as the starter sets it up, plus 400 instead of 500 for input the product refuses (and 409 for a concurrent change): the
 * engine wraps a task listener's exception, and the task resource wraps that again in a RestException, so a
 * refused task answer ({@link BadUserRequestException} from the feedback rules) or a serialized Java object
 * variable (ENGINE-17007, Java serialization is off) would reach the caller as 500; so would a DMN file that does not
 * parse (ENGINE-22004), without the parser's reason, which is in the causes. A deployment the model guard refuses is a
 * {@code ParseException}, which Camunda's own handler answers with 400 and every violation. A task someone else claimed first
 * is 409. Every other error is answered by Camunda's own handlers, except that a server error's message (which can hold
 * SQL or class names) is replaced by a reference to the server log. Requests that would store an object variable or
 * complete a task with more than its form's fields are refused before any resource runs: the features' request filters
 * (the Spring beans that are JAX-RS {@link ContainerRequestFilter}s: security.ObjectVariables.Refused,
 * feedback.FormFieldsOnly, capture.StartedByCaptureOnly) are registered here and on Tasklist's engine API
 * ({@link WebappEngineApiErrors}). Every error of this API is an RFC 9457 problem detail that keeps Camunda's own
 * members ({@code type}, {@code message}, which Camunda Modeler and other Camunda clients read): {@link AsProblemDetails}.
 */
@Component
public class EngineRestErrors extends CamundaJerseyResourceConfig {

  public static final String CONCURRENT_CHANGE = "Someone else changed this at the same moment; nothing was saved. Reload and try again.";

  /** The engine's code for "Java serialization format is prohibited". */
  static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

  /** The engine's code for "Unable to transform DMN resource": the parser's reason is only in the cause. */
  static final String DMN_NOT_TRANSFORMED = "ENGINE-22004";

  private final List<ContainerRequestFilter> filters;

  public EngineRestErrors(List<ContainerRequestFilter> filters) {
    this.filters = filters;
  }

  @Override
  protected void registerAdditionalResources() {
    register(AsProblemDetails.class);
    register(RefusedInputInRestException.class);
    register(RefusedInputInEngineException.class);
    register(AnyOtherException.class);
    filters.forEach(this::register);
  }

  /** 400 for refused input inside the exception; otherwise whatever Camunda's handler answers. */
  static <E extends Throwable> Response answer(E exception, Function<E, Response> camunda) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProcessEngineException && String.valueOf(cause.getMessage()).startsWith(DMN_NOT_TRANSFORMED)) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "ParseException", "message", withReasons(cause))).build();
      }
      boolean refused = cause instanceof BadUserRequestException
          || (cause instanceof ProcessEngineException && String.valueOf(cause.getMessage()).startsWith(JAVA_SERIALIZATION_PROHIBITED));
      if (refused) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", cause.getClass().getSimpleName(), "message", cause.getMessage())).build();
      }
      if (cause instanceof OptimisticLockingException) { // another node or user changed it first: nothing was saved
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "OptimisticLockingException", "message", CONCURRENT_CHANGE)).build();
      }
      if (cause instanceof TaskAlreadyClaimedException claimed) { // someone took the task first
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "TaskAlreadyClaimedException", "message", "Someone else has taken this task ("
                + claimed.getTaskAssignee() + "); nothing was changed. Reload to see who works it.")).build();
      }
    }
    Response answer = camunda.apply(exception);
    if (answer.getStatus() < 500) {
      return answer;
    }
    // a server error's message can hold SQL or class names: the caller gets a reference, the log the details
    String reference = ErrorProblems.logged(answer.getStatus(), exception);
    return Response.status(answer.getStatus()).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "ServerError", "message", ErrorProblems.serverErrorMessage(reference))).build();
  }

  /** The message followed by those of its causes: what the DMN parser said. */
  static String withReasons(Throwable exception) {
    StringBuilder message = new StringBuilder(String.valueOf(exception.getMessage()));
    for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
        message.append(": ").append(cause.getMessage());
      }
    }
    return message.toString();
  }

  /**
   * Camunda's error answers ({@code {"type": "NotFoundException", "message": ...}}, an ExceptionDto or the product's map
   * of the same members) as problem details: {@code title}, {@code status} and {@code detail} added, Camunda's members
   * kept, {@code application/problem+json}.
   */
  public static class AsProblemDetails implements ContainerResponseFilter {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (response.getStatus() < 400 || !(response.getEntity() instanceof Map<?, ?> || response.getEntity() instanceof ExceptionDto)) {
        return;
      }
      Map<String, Object> problem = new LinkedHashMap<>();
      JSON.convertValue(response.getEntity(), new TypeReference<Map<String, Object>>() {}).forEach((name, value) -> {
        if (value != null) {
          problem.put(name, value);
        }
      });
      HttpStatus status = HttpStatus.resolve(response.getStatus());
      problem.put("title", status == null ? "Error" : status.getReasonPhrase());
      problem.put("status", response.getStatus());
      problem.putIfAbsent("detail", problem.get("message"));
      response.setEntity(problem, response.getEntityAnnotations(), MediaType.valueOf("application/problem+json"));
    }
  }

  /** The task resource's wrapper ("Cannot complete task ..."). */
  @Priority(1)
  public static class RefusedInputInRestException implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return answer(exception, camunda::toResponse);
    }
  }

  /** Any other failure (a database error outside the engine's wrappers, say): Camunda's answer, without internals. */
  @Priority(1)
  public static class AnyOtherException implements ExceptionMapper<Exception> {
    private final ExceptionHandler camunda = new ExceptionHandler();

    @Override
    public Response toResponse(Exception exception) {
      return answer(exception, camunda::toResponse);
    }
  }

  /** The engine's wrapper (ENGINE-03051), where no resource wrapped it again. */
  @Priority(1)
  public static class RefusedInputInEngineException implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception, camunda::toResponse);
    }
  }
}
