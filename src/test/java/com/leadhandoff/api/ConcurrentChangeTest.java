package com.leadhandoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/**
 * Two nodes (or two reps) change the same task at once: the loser gets 409 "reload and try again", never a 500,
 * through the Camunda REST API (as Tasklist calls it) and through the product's own API.
 */
class ConcurrentChangeTest {

  @Test
  void theEngineRestApiAnswers409ForAConcurrentChangeWrappedByTheTaskResource() {
    RestException wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("wrapped", new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed")),
        "Cannot complete task 42");
    Response response = new EngineRestErrors.RefusedInputInRestException().toResponse(wrapped);
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getEntity().toString()).contains("Reload and try again");
  }

  @Test
  void otherEngineErrorsKeepCamundasAnswer() {
    Response response = new EngineRestErrors.RefusedInputInEngineException().toResponse(new ProcessEngineException("boom"));
    assertThat(response.getStatus()).isEqualTo(500);
  }

  @Test
  void theProductsApiAnswers409Problem() {
    ProblemDetail problem = new ApiProblems().concurrentChange(new OptimisticLockingException("lost"));
    assertThat(problem.getStatus()).isEqualTo(409);
    assertThat(problem.getDetail()).contains("nothing was saved");
  }
}
