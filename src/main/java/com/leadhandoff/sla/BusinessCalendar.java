package com.leadhandoff.sla;

import com.leadhandoff.teams.WorkingTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Business-time arithmetic, implemented once: the instant a business duration ends when counted only
 * inside a team's working time (one or more intervals a day), and how it was counted. Working hours are wall-clock hours in the team's
 * time zone, so a daylight-saving switch (at night) changes nothing about a working day.
 */
public final class BusinessCalendar {

  /** A working day at least once in this many days, or the calendar is unusable. */
  private static final int MAX_DAYS_WITHOUT_WORK = 60;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private BusinessCalendar() {}

  /** When an SLA ends, and a sentence a rep or manager can read about why it ends then. */
  public record Due(Instant at, String explanation) {}

  public static Due add(WorkingTime time, Instant start, Duration businessTime) {
    if (businessTime.isNegative()) {
      throw new IllegalArgumentException("A business duration cannot be negative: " + businessTime);
    }
    List<String> worked = new ArrayList<>();
    List<String[]> skipped = new ArrayList<>(); // day, why
    ZonedDateTime cursor = start.atZone(time.zone());
    Duration remaining = businessTime;
    int idleDays = 0;
    while (true) {
      LocalDate day = cursor.toLocalDate();
      if (!time.isWorkingDay(day)) {
        String dayOff = time.dayOff(day);
        skipped.add(new String[] {DAY.format(day), dayOff != null ? dayOff : "not a working day"});
      }
      Duration workedToday = Duration.ZERO;
      for (WorkingTime.Interval interval : time.intervals(day)) {
        ZonedDateTime opens = day.atTime(interval.opens()).atZone(time.zone());
        ZonedDateTime closes = day.atTime(interval.closes()).atZone(time.zone());
        if (!cursor.isBefore(closes)) {
          continue;
        }
        ZonedDateTime from = cursor.isBefore(opens) ? opens : cursor;
        Duration available = Duration.between(from, closes);
        if (remaining.compareTo(available) <= 0) {
          ZonedDateTime until = from.plus(remaining);
          worked.add(phrase(workedToday.plus(shownBetween(from, until)), "min") + " on " + DAY.format(day));
          return new Due(until.toInstant(), "due " + when(until.toInstant(), time.zone()) + ": " + phrase(businessTime, "business")
              + " from " + WHEN.format(start.atZone(time.zone())) + " (working hours " + time.hours() + ": "
              + String.join(", ", worked) + ")" + skippedDays(skipped));
        }
        workedToday = workedToday.plus(shownBetween(from, closes));
        remaining = remaining.minus(available);
        cursor = closes;
      }
      if (workedToday.isZero()) {
        if (++idleDays > MAX_DAYS_WITHOUT_WORK) {
          throw new IllegalStateException("No working time within " + MAX_DAYS_WITHOUT_WORK + " days of " + start);
        }
      } else {
        idleDays = 0;
        worked.add(phrase(workedToday, "min") + " on " + DAY.format(day));
      }
      cursor = day.plusDays(1).atStartOfDay(time.zone());
    }
  }

  /** The minutes between two times as the explanation shows them (to the minute), so that its parts add up. */
  private static Duration shownBetween(ZonedDateTime from, ZonedDateTime to) {
    return Duration.between(from.truncatedTo(ChronoUnit.MINUTES), to.truncatedTo(ChronoUnit.MINUTES));
  }

  /** "; Sat 28 Nov and Sun 29 Nov skipped (not a working day); Thu 24 Dec skipped (Christmas Eve)". */
  private static String skippedDays(List<String[]> skipped) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < skipped.size(); ) {
      String why = skipped.get(i)[1];
      List<String> days = new ArrayList<>();
      while (i < skipped.size() && skipped.get(i)[1].equals(why)) {
        days.add(skipped.get(i++)[0]);
      }
      String listed = days.size() == 1 ? days.get(0)
          : String.join(", ", days.subList(0, days.size() - 1)) + " and " + days.get(days.size() - 1);
      text.append("; ").append(listed).append(" skipped (").append(why).append(")");
    }
    return text.toString();
  }

  /** "1 business hour", "4 business hours 30 minutes", "45 business minutes"; or with "min": "1h 30 min", "30 min". */
  private static String phrase(Duration duration, String style) {
    long hours = duration.toHours();
    long minutes = duration.toMinutesPart();
    if (style.equals("min")) {
      return hours == 0 ? minutes + " min" : hours + "h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
    if (hours == 0) {
      return minutes + " business minute" + (minutes == 1 ? "" : "s");
    }
    return hours + " business hour" + (hours == 1 ? "" : "s") + (minutes == 0 ? "" : " " + minutes + " minute" + (minutes == 1 ? "" : "s"));
  }

  /** "Fri 27 Nov 16:30 Berlin time": a moment as a rep of the team reads it. */
  public static String when(Instant instant, ZoneId zone) {
    return WHEN.format(instant.atZone(zone)) + " " + zoneName(zone);
  }

  /** "Berlin time", "New York time"; "UTC" where there is no team's zone. */
  private static String zoneName(ZoneId zone) {
    String id = zone.normalized().getId();
    return id.equals("Z") ? "UTC" : (id.contains("/") ? id.substring(id.lastIndexOf('/') + 1).replace('_', ' ') : id) + " time";
  }

  /** The business time between two instants: the working hours of working days in between, days off skipped. */
  public static Duration between(WorkingTime time, Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    ZonedDateTime end = to.atZone(time.zone());
    for (LocalDate day = from.atZone(time.zone()).toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
      for (WorkingTime.Interval interval : time.intervals(day)) {
        Instant opens = day.atTime(interval.opens()).atZone(time.zone()).toInstant();
        Instant closes = day.atTime(interval.closes()).atZone(time.zone()).toInstant();
        Instant start = from.isAfter(opens) ? from : opens;
        Instant stop = to.isBefore(closes) ? to : closes;
        if (stop.isAfter(start)) {
          total = total.plus(Duration.between(start, stop));
        }
      }
    }
    return total;
  }
}
