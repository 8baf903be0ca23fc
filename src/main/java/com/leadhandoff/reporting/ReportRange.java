package com.leadhandoff.reporting;

import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.InvalidRequestException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a report covers, both inclusive, in UTC; without dates the last 90 days up to today. Leads are
 * counted in the range by the day they were captured (a cohort), SLA clocks by the day they started.
 */
public record ReportRange(LocalDate from, LocalDate to) {

  static final int DEFAULT_DAYS = 90;

  /** From and to as sent (either may be missing); {@code today} ends the default range. */
  public static ReportRange parse(String from, String to, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate end = date("to", to, errors);
    LocalDate start = date("from", from, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    end = end != null ? end : today;
    start = start != null ? start : end.minusDays(DEFAULT_DAYS - 1);
    if (start.isAfter(end)) {
      throw new InvalidRequestException(List.of(new FieldError("from", "must not be after to (" + end + ")")));
    }
    return new ReportRange(start, end);
  }

  private static LocalDate date(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a date like 2026-11-24, not '" + value + "'"));
      return null;
    }
  }

  OffsetDateTime start() {
    return from.atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  /** Exclusive: the first instant after the range. */
  OffsetDateTime end() {
    return to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
  }
}
