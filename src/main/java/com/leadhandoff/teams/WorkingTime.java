package com.leadhandoff.teams;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a team (or a rep with hours of their own) works: a time zone, the intervals of each weekday (a break is a gap
 * between two intervals) and the days off (public holidays and company days, date to name, for any year). A business
 * day is these hours, never 24 business hours.
 */
public record WorkingTime(ZoneId zone, Map<DayOfWeek, List<Interval>> week, DaysOff daysOff) {

  /** Wall-clock hours of one stretch of work, e.g. 09:00-12:30. */
  public record Interval(LocalTime opens, LocalTime closes) {

    public Interval {
      if (!opens.isBefore(closes)) {
        throw new IllegalArgumentException("Working hours must open before they close: " + opens + "-" + closes);
      }
    }

    @Override
    public String toString() {
      return opens + "-" + closes;
    }
  }

  /** The name of the day off on a date (a public holiday, a company day), or null on a normal day. */
  @FunctionalInterface
  public interface DaysOff {
    String on(LocalDate day);
  }

  public WorkingTime {
    Map<DayOfWeek, List<Interval>> sorted = new EnumMap<>(DayOfWeek.class);
    week.forEach((day, intervals) -> {
      List<Interval> inOrder = intervals.stream().sorted(Comparator.comparing(Interval::opens)).toList();
      for (int i = 1; i < inOrder.size(); i++) {
        if (inOrder.get(i).opens().isBefore(inOrder.get(i - 1).closes())) {
          throw new IllegalArgumentException("Working hours overlap on " + day + ": " + inOrder.get(i - 1) + " and " + inOrder.get(i));
        }
      }
      if (!inOrder.isEmpty()) {
        sorted.put(day, inOrder);
      }
    });
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("A team needs at least one working day");
    }
    week = Map.copyOf(sorted);
  }

  /** The same hours every working day, and fixed holidays: the shape of most teams. */
  public WorkingTime(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> days, Map<LocalDate, String> holidays) {
    this(zone, days.stream().collect(Collectors.toMap(d -> d, d -> List.of(new Interval(opens, closes)))), Map.copyOf(holidays)::get);
  }

  /** The intervals worked on a date: none on a day off or a weekday without hours. */
  public List<Interval> intervals(LocalDate date) {
    return dayOff(date) != null ? List.of() : week.getOrDefault(date.getDayOfWeek(), List.of());
  }

  public String dayOff(LocalDate date) {
    return daysOff.on(date);
  }

  public boolean isWorkingDay(LocalDate date) {
    return !intervals(date).isEmpty();
  }

  /** "09:00-17:00" when every working day has the same hours, else as {@link #byDay()}. */
  public String hours() {
    return week.values().stream().distinct().count() == 1 ? join(week.values().iterator().next()) : byDay();
  }

  /** "Mon-Fri 09:00-17:00", "Mon-Thu 09:00-12:30, 13:30-17:00, Fri 09:00-13:00". */
  public String byDay() {
    List<String> parts = new ArrayList<>();
    DayOfWeek from = null;
    List<Interval> current = null;
    for (DayOfWeek day : DayOfWeek.values()) {
      List<Interval> intervals = week.get(day);
      if (intervals == null || !intervals.equals(current)) {
        if (current != null) {
          parts.add(span(from, day.minus(1)) + " " + join(current));
        }
        from = day;
        current = intervals;
      }
    }
    if (current != null) {
      parts.add(span(from, DayOfWeek.SUNDAY) + " " + join(current));
    }
    return String.join(", ", parts);
  }

  private static String span(DayOfWeek from, DayOfWeek to) {
    String first = name(from);
    return from == to ? first : first + "-" + name(to);
  }

  private static String name(DayOfWeek day) {
    return day.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
  }

  private static String join(List<Interval> intervals) {
    return intervals.stream().map(Interval::toString).collect(Collectors.joining(", "));
  }
}
