package com.leadhandoff.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.modelguard.ModelGuardPlugin;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the API's errors into problem details; validation problems carry an {@code errors} list of field and message.
 * Being a ResponseEntityExceptionHandler, it replaces Spring Boot's own problem-details handler (spring.mvc.problemdetails).
 * It answers for every handler, and for requests no handler matched (404, 405, 415, 406 by Spring MVC's own messages);
 * what reaches the error page instead is {@link ErrorProblems}'.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

  public static final URI VALIDATION = URI.create("urn:lead-handoff:problem:validation");
  public static final URI UNREADABLE = URI.create("urn:lead-handoff:problem:unreadable-body");
  public static final URI DECISION_OUTSIDE_CONTRACT = URI.create("urn:lead-handoff:problem:decision-outside-contract");

  /** One rejected field of a request. */
  public record FieldError(String field, String message) {}

  /** Two nodes or users changed the same thing at once and this request lost: nothing was saved, it may be retried. */
  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail concurrentChange(OptimisticLockingException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, EngineRestErrors.CONCURRENT_CHANGE);
    problem.setTitle("Concurrent change");
    return problem;
  }

  /**
   * A decision returned a result outside its contract while the request ran its process synchronously (a lead's
   * capture runs the qualification): the transaction rolled back, so nothing of the request was stored.
   */
  @ExceptionHandler(ModelGuardPlugin.DecisionContractViolation.class)
  ProblemDetail decisionOutsideContract(ModelGuardPlugin.DecisionContractViolation e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        e.getMessage() + " Nothing of this request was stored; send it again once the decision is fixed.");
    problem.setType(DECISION_OUTSIDE_CONTRACT);
    problem.setTitle("A decision returned a result the processes cannot handle");
    return problem;
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return validationProblem(e.errors());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    Optional<ResponseEntity<Object>> bodyLimit = bodyLimit(e);
    if (bodyLimit.isPresent()) {
      return bodyLimit.get();
    }
    Optional<FieldError> field = StrictJson.fieldError(e);
    if (field.isPresent()) {
      return ResponseEntity.badRequest().body(validationProblem(List.of(field.get())));
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The body is not a JSON document of the expected shape.");
    problem.setType(UNREADABLE);
    problem.setTitle("Unreadable request body");
    return ResponseEntity.badRequest().body(problem);
  }

  /** A body the controller reads itself (the CSV imports) passed the size limit or arrived too slowly: 413 or 408. */
  @ExceptionHandler({BodySizeLimitFilter.BodyTooLargeException.class, BodySizeLimitFilter.BodyReadTimeoutException.class})
  ResponseEntity<Object> bodyLimitReached(IOException e) {
    return bodyLimit(e).orElseThrow();
  }

  private static Optional<ResponseEntity<Object>> bodyLimit(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
        return Optional.of(ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(BodySizeLimitFilter.tooLarge(tooLarge.limit)));
      }
      if (cause instanceof BodySizeLimitFilter.BodyReadTimeoutException slow) {
        return Optional.of(ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).header("Connection", "close")
            .body(ProblemDetail.forStatusAndDetail(HttpStatus.REQUEST_TIMEOUT, slow.getMessage())));
      }
    }
    return Optional.empty();
  }

  /** A query parameter, path segment or header that is not of its type: the field named, as for a body's field. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    Class<?> type = e.getRequiredType() == null ? Object.class : e.getRequiredType();
    String expected = type.isEnum() ? "must be one of " + Arrays.toString(type.getEnumConstants())
        : type == UUID.class ? "must be a UUID"
        : type == LocalDate.class ? "must be a date such as 2026-12-01"
        : StrictJson.expected(type);
    return ResponseEntity.badRequest().body(validationProblem(List.of(new FieldError(String.valueOf(e.getPropertyName()), expected))));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(validationProblem(List.of(new FieldError(e.getParameterName(), "is required"))));
  }

  /** Writes a problem straight to the response: for filters, which answer before any handler could. */
  public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  static ProblemDetail validationProblem(List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        errors.size() + " field(s) are invalid; nothing was saved.");
    problem.setType(VALIDATION);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors.stream()
        .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
        .map(error -> Map.of("field", error.field(), "message", error.message()))
        .toList());
    return problem;
  }
}
