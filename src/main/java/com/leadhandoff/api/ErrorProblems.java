package com.leadhandoff.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answer to every error that reaches the servlet container's error page (Spring Boot's {@code /error}): an unknown
 * path outside the API's controllers, a filter's or Tomcat's refusal, an exception no handler answered. It replaces
 * Spring Boot's BasicErrorController, whose JSON is no problem detail and whose whitelabel page can show internals.
 */
@RestController
public class ErrorProblems implements ErrorController {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorProblems.class);

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null ? HttpStatus.valueOf(value)
        : HttpStatus.INTERNAL_SERVER_ERROR;
    Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    ProblemDetail problem = status.is5xxServerError() ? serverError(status, exception) : ProblemDetail.forStatusAndDetail(status, detail(status));
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (path instanceof String uri) {
      problem.setInstance(URI.create(uri.replaceAll("[^A-Za-z0-9/._~-]", "_"))); // the path as a reference, never as markup
    }
    return ResponseEntity.status(status).body(problem);
  }

  /** A server error: the caller gets a reference, the log the exception (which can hold SQL or class names). */
  static ProblemDetail serverError(HttpStatus status, Throwable exception) {
    String reference = logged(status.value(), exception);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, serverErrorMessage(reference));
    problem.setProperty("reference", reference);
    return problem;
  }

  /** Logs a server error with a new reference, which the caller is given instead of the details. */
  static String logged(int status, Throwable exception) {
    String reference = UUID.randomUUID().toString();
    LOG.error("Request failed with {} (reference {})", status, reference, exception);
    return reference;
  }

  static String serverErrorMessage(String reference) {
    return "The server could not do this and nothing of it was saved; an administrator finds the details in the server log "
        + "under reference " + reference + ".";
  }

  private static String detail(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "There is nothing at this address.";
      case METHOD_NOT_ALLOWED -> "This address does not answer this HTTP method.";
      case UNSUPPORTED_MEDIA_TYPE -> "This address does not accept a body of this Content-Type.";
      case NOT_ACCEPTABLE -> "This address cannot answer in a format the Accept header allows.";
      case BAD_REQUEST -> "The request is not one this address understands.";
      default -> status.getReasonPhrase() + ".";
    };
  }
}
