package com.leadhandoff.feedback;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The Camunda REST API as the starter sets it up, plus one thing: the engine wraps a task listener's
 * exception, and the task resource wraps that again in a RestException, so a refused answer
 * ({@link BadUserRequestException} from {@link TaskAnswers}) would reach the caller as 500. With it inside,
 * the caller gets 400 and the message; every other error is answered by Camunda's own handlers.
 */
@Component
public class TaskAnswersRestConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RefusedAnswerInRestException.class);
    register(RefusedAnswerInEngineException.class);
  }

  /** 400 for a refused answer inside the exception; otherwise whatever Camunda's handler answers. */
  static <E extends Throwable> Response answer(E exception, Function<E, Response> camunda) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException refused) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "BadUserRequestException", "message", refused.getMessage())).build();
      }
    }
    return camunda.apply(exception);
  }

  /** The task resource's wrapper ("Cannot complete task ..."). */
  @Priority(1)
  public static class RefusedAnswerInRestException implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return answer(exception, camunda::toResponse);
    }
  }

  /** The engine's wrapper (ENGINE-03051), where no resource wrapped it again. */
  @Priority(1)
  public static class RefusedAnswerInEngineException implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception, camunda::toResponse);
    }
  }
}
