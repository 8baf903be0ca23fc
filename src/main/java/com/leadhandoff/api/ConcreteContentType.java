package com.leadhandoff.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body's Content-Type names one media type ({@code application/json}, not {@code *}{@code /*} or junk): anything
 * else is refused with 415 before a handler tries to read the body by it (Spring MVC would fail with a server error),
 * also on a POST, PUT or PATCH without a body, whose optional body a handler reads by it.
 */
public class ConcreteContentType extends OncePerRequestFilter {

  private final ObjectMapper json;

  ConcreteContentType(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    // a POST, PUT or PATCH is read by its Content-Type even when it came without a body (an optional body)
    boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null
        || Set.of("POST", "PUT", "PATCH").contains(request.getMethod());
    if (!body || contentType == null || concrete(contentType)) {
      chain.doFilter(request, response);
      return;
    }
    ApiProblems.write(response, json, ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "The Content-Type must name the body's media type, such as application/json."));
  }

  private static boolean concrete(String contentType) {
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
