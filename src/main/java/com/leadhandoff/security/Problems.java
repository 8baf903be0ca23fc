package com.leadhandoff.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.api.ApiProblems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** The problem details (RFC 9457) the security layer answers with, as the rest of /api does. */
@Component
class Problems {

  private final ObjectMapper json;

  Problems(ObjectMapper json) {
    this.json = json;
  }

  void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    ApiProblems.write(response, json, ProblemDetail.forStatusAndDetail(status, detail));
  }

  static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  void tooManyFailedLogins(HttpServletResponse response, Duration wait) throws IOException {
    long seconds = seconds(wait);
    response.setHeader("Retry-After", String.valueOf(seconds));
    write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins from this address; try again in " + seconds + " s.");
  }
}
