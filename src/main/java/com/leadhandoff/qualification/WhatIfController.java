package com.leadhandoff.qualification;

import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.InvalidRequestException;
import com.leadhandoff.security.Access;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * What-if before deploy: {@code POST /api/decisions/{key}/what-if} with a candidate DMN file (multipart part
 * {@code file}) replays the last {@code lastLeads} captured leads, or those captured from {@code from} to {@code to}:
 * plain dates are inclusive days in UTC, as in the reports ({@code from=2026-10-01&to=2026-10-31}); date-times
 * ({@code 2026-10-01T00:00:00Z}) give the exact instants, {@code to} exclusive. Every error is a problem detail.
 */
@RestController
public class WhatIfController {

  private final WhatIfService whatIf;

  public WhatIfController(WhatIfService whatIf) {
    this.whatIf = whatIf;
  }

  // no "consumes" on the mapping: a request of another content type then reaches this handler and gets the API's
  // 415 problem detail, where a mapping mismatch would be answered by Spring's default error page
  @PostMapping(path = "/api/decisions/{key}/what-if")
  @PreAuthorize(Access.WHAT_IF)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "multipart/form-data",
      schema = @Schema(type = "object", requiredProperties = "file"), schemaProperties = @SchemaProperty(name = "file",
          schema = @Schema(type = "string", format = "binary", description = "The candidate DMN file"))))
  @ApiResponse(responseCode = "200", description = "How the replayed leads' outcomes would change",
      content = @Content(schema = @Schema(implementation = WhatIfReport.class)))
  @ApiResponse(responseCode = "404", description = "No decision of this key is deployed")
  public WhatIfReport whatIf(@PathVariable String key, @Parameter(hidden = true) @RequestPart(name = "file", required = false) MultipartFile file,
      @Parameter(hidden = true) @RequestHeader(name = "Content-Type", required = false) String contentType,
      @RequestParam(defaultValue = "500") int lastLeads,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to)
      throws IOException, HttpMediaTypeNotSupportedException, MissingServletRequestPartException {
    MediaType type = mediaType(contentType);
    if (type == null || !MediaType.MULTIPART_FORM_DATA.includes(type)) {
      throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.MULTIPART_FORM_DATA), org.springframework.http.HttpMethod.POST);
    }
    if (file == null) {
      throw new MissingServletRequestPartException("file");
    }
    List<FieldError> errors = new ArrayList<>();
    OffsetDateTime start = instant("from", from, false, errors);
    OffsetDateTime end = instant("to", to, true, errors);
    if (errors.isEmpty() && ((start == null) != (end == null) || (start != null && !start.isBefore(end)))) {
      errors.add(new FieldError("from", "give both from and to, from before to"));
    }
    if (lastLeads < 1 || lastLeads > WhatIfService.MAX_LEADS) {
      errors.add(new FieldError("lastLeads", "must be between 1 and " + WhatIfService.MAX_LEADS));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    byte[] candidate = file.getBytes();
    return start != null
        ? whatIf.replayCapturedBetween(key, candidate, start, end)
        : whatIf.replayLatest(key, candidate, lastLeads);
  }

  private static MediaType mediaType(String contentType) {
    try {
      return contentType == null ? null : MediaType.parseMediaType(contentType);
    } catch (org.springframework.http.InvalidMediaTypeException e) {
      return null;
    }
  }

  /** A date-time as given, or a plain date as a whole day in UTC: its start for from, the next day's start for to. */
  private static OffsetDateTime instant(String field, String value, boolean endOfRange, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.trim());
    } catch (DateTimeParseException notADateTime) {
      try {
        LocalDate day = LocalDate.parse(value.trim());
        return (endOfRange ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException notADate) {
        errors.add(new FieldError(field, "must be a date like 2026-10-01 or a date-time like 2026-10-01T00:00:00Z, not '" + value + "'"));
        return null;
      }
    }
  }

  @ExceptionHandler(WhatIfService.WhatIfException.class)
  ResponseEntity<ProblemDetail> cannotReplay(WhatIfService.WhatIfException e) {
    HttpStatus status = e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    if (!e.violations().isEmpty()) {
      problem.setTitle("Refused by the model guard");
      problem.setProperty("violations", e.violations().stream()
          .map(v -> Map.of("elementId", String.valueOf(v.elementId()), "message", v.message())).toList());
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
