package com.leadhandoff.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses /api request bodies over the limit with 413: a declared Content-Length at once, a chunked body
 * as soon as it passes the limit while being read; and with 408 a body still not read after the body-read timeout.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

  private final ApiProperties properties;
  private final ObjectMapper json;

  BodySizeLimitFilter(ApiProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitFor(request);
    if (request.getContentLengthLong() > limit) {
      ApiProblems.write(response, json, tooLarge(limit));
      return;
    }
    Duration timeout = isImport(request) ? properties.importReadTimeout() : properties.bodyReadTimeout();
    chain.doFilter(new LimitedRequest(request, limit, System.nanoTime() + timeout.toNanos(), timeout), response);
  }

  private long limitFor(HttpServletRequest request) {
    return isImport(request) ? properties.maxImportBytes() : properties.maxBodyBytes();
  }

  private static boolean isImport(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return uri.endsWith("/api/leads/import") || uri.endsWith("/api/accounts/import");
  }

  static ProblemDetail tooLarge(long limit) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + limit + " bytes.");
  }

  /** Thrown while reading a body that passes the limit. */
  public static class BodyTooLargeException extends IOException {
    final long limit;

    BodyTooLargeException(long limit) {
      super("request body over " + limit + " bytes");
      this.limit = limit;
    }
  }

  /** Thrown while reading a body that has not arrived within the body-read timeout. */
  public static class BodyReadTimeoutException extends IOException {
    BodyReadTimeoutException(Duration timeout) {
      super("The request body did not arrive within " + timeout.toSeconds() + " s.");
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private final long deadline;
    private final Duration timeout;

    LimitedRequest(HttpServletRequest request, long limit, long deadline, Duration timeout) {
      super(request);
      this.limit = limit;
      this.deadline = deadline;
      this.timeout = timeout;
    }

    private void inTime() throws BodyReadTimeoutException {
      if (System.nanoTime() > deadline) {
        throw new BodyReadTimeoutException(timeout);
      }
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          inTime();
          int b = in.read();
          if (b >= 0 && ++read > limit) {
            throw new BodyTooLargeException(limit);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          inTime();
          int n = in.read(buffer, offset, length);
          if (n > 0 && (read += n) > limit) {
            throw new BodyTooLargeException(limit);
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
