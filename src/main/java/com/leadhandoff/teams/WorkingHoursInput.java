package com.leadhandoff.teams;

import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.teams.WorkingTime.Interval;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Working time as the API takes and shows it: weekday to intervals,
 * {@code {"MONDAY": [{"opens": "09:00", "closes": "12:30"}, {"opens": "13:30", "closes": "17:00"}], "FRIDAY": [...]}}.
 */
public final class WorkingHoursInput {

  /** One interval as sent: times as text, so that a bad one is named instead of refusing the whole body. */
  public record Hours(String opens, String closes) {}

  private WorkingHoursInput() {}

  /** The week, or the errors of each field (named e.g. {@code workingHours.MONDAY[1].closes}) added to {@code errors}. */
  static Map<DayOfWeek, List<Interval>> parse(String field, Map<String, List<Hours>> input, boolean required, List<FieldError> errors) {
    Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
    if (input == null) {
      if (required) {
        errors.add(new FieldError(field, "is required: the intervals of each working day, e.g. {\"MONDAY\": [{\"opens\": \"09:00\", "
            + "\"closes\": \"17:00\"}]}"));
      }
      return week;
    }
    int before = errors.size();
    input.forEach((dayName, intervals) -> {
      DayOfWeek day;
      try {
        day = DayOfWeek.valueOf(dayName.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(field + "." + dayName, "is not a weekday: use MONDAY ... SUNDAY"));
        return;
      }
      List<Interval> parsed = new ArrayList<>();
      for (int i = 0; intervals != null && i < intervals.size(); i++) {
        String at = field + "." + day + "[" + i + "]";
        Hours hours = intervals.get(i);
        LocalTime opens = time(at + ".opens", hours == null ? null : hours.opens(), errors);
        LocalTime closes = time(at + ".closes", hours == null ? null : hours.closes(), errors);
        if (opens != null && closes != null) {
          if (!opens.isBefore(closes)) {
            errors.add(new FieldError(at + ".closes", "closes at " + closes + ", not after it opens at " + opens));
          } else {
            parsed.add(new Interval(opens, closes));
          }
        }
      }
      parsed.sort(Comparator.comparing(Interval::opens));
      for (int i = 1; i < parsed.size(); i++) {
        if (parsed.get(i).opens().isBefore(parsed.get(i - 1).closes())) {
          errors.add(new FieldError(field + "." + day, "intervals overlap: " + parsed.get(i - 1) + " and " + parsed.get(i)));
        }
      }
      if (!parsed.isEmpty()) {
        week.put(day, parsed);
      }
    });
    if (required && errors.size() == before && week.isEmpty()) {
      errors.add(new FieldError(field, "has no working time on any day: a team needs at least one interval"));
    }
    return week;
  }

  static Map<String, List<Hours>> show(Map<DayOfWeek, List<Interval>> week) {
    Map<String, List<Hours>> shown = new java.util.LinkedHashMap<>();
    new java.util.TreeMap<>(week).forEach((day, intervals) ->
        shown.put(day.name(), intervals.stream().map(i -> new Hours(i.opens().toString(), i.closes().toString())).toList()));
    return shown;
  }

  /** "Mon-Thu 09:00-17:00, Fri 09:00-13:00" for the audit; "none" for no hours. */
  static String describe(Map<DayOfWeek, List<Interval>> week) {
    return week.isEmpty() ? "none" : new WorkingTime(java.time.ZoneOffset.UTC, week, day -> null).byDay();
  }

  private static LocalTime time(String field, String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(field, "is required, a time like 09:00"));
      return null;
    }
    try {
      return LocalTime.parse(text.trim());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "is not a time like 09:00: '" + text + "'"));
      return null;
    }
  }
}
