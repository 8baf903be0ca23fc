package com.leadhandoff.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Business-time arithmetic, implemented once: the instant a business duration ends when counted only
 * inside a team's working hours, and how it was counted. Working hours are wall-clock hours in the team's
 * time zone, so a daylight-saving switch (at night) changes nothing about a working day.
 */
public final class BusinessCalendar {

  /** A working day at least once in this many days, or the calendar is unusable. */
  private static final int MAX_DAYS_WITHOUT_WORK = 60;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);

  private BusinessCalendar() {}

  /** When an SLA ends, and a sentence a rep or manager can read about why it ends then. */
  public record Due(Instant at, String explanation) {}

  public static Due add(WorkingTime time, Instant start, Duration businessTime) {
    if (businessTime.isNegative()) {
      throw new IllegalArgumentException("A business duration cannot be negative: " + businessTime);
    }
    List<String> steps = new ArrayList<>();
    ZonedDateTime cursor = start.atZone(time.zone());
    Duration remaining = businessTime;
    int idleDays = 0;
    while (true) {
      LocalDate day = cursor.toLocalDate();
      ZonedDateTime opens = day.atTime(time.opens()).atZone(time.zone());
      ZonedDateTime closes = day.atTime(time.closes()).atZone(time.zone());
      if (!time.isWorkingDay(day) || !cursor.isBefore(closes)) {
        if (!time.isWorkingDay(day)) {
          String holiday = time.holidays().get(day);
          steps.add("skipped " + DAY.format(day) + (holiday != null ? " (" + holiday + ")" : " (no working day)"));
        }
        if (++idleDays > MAX_DAYS_WITHOUT_WORK) {
          throw new IllegalStateException("No working time within " + MAX_DAYS_WITHOUT_WORK + " days of " + start);
        }
        cursor = day.plusDays(1).atTime(time.opens()).atZone(time.zone());
        continue;
      }
      idleDays = 0;
      if (cursor.isBefore(opens)) {
        cursor = opens;
      }
      Duration available = Duration.between(cursor, closes);
      if (remaining.compareTo(available) <= 0) {
        ZonedDateTime due = cursor.plus(remaining);
        steps.add(minutes(remaining) + " on " + DAY.format(day));
        return new Due(due.toInstant(), businessTime + " of business time from " + WHEN.format(start.atZone(time.zone()))
            + " (working hours " + time.opens() + "-" + time.closes() + " " + time.zone().getId() + "): "
            + String.join(", ", steps) + "; due " + WHEN.format(due));
      }
      remaining = remaining.minus(available);
      steps.add(minutes(available) + " on " + DAY.format(day));
      cursor = day.plusDays(1).atTime(time.opens()).atZone(time.zone());
    }
  }

  /** The business time between two instants: the working hours of working days in between, holidays skipped. */
  public static Duration between(WorkingTime time, Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    ZonedDateTime end = to.atZone(time.zone());
    for (LocalDate day = from.atZone(time.zone()).toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
      if (!time.isWorkingDay(day)) {
        continue;
      }
      Instant opens = day.atTime(time.opens()).atZone(time.zone()).toInstant();
      Instant closes = day.atTime(time.closes()).atZone(time.zone()).toInstant();
      Instant start = from.isAfter(opens) ? from : opens;
      Instant stop = to.isBefore(closes) ? to : closes;
      if (stop.isAfter(start)) {
        total = total.plus(Duration.between(start, stop));
      }
    }
    return total;
  }

  private static String minutes(Duration duration) {
    long total = duration.toMinutes();
    return total >= 60 ? (total / 60) + "h" + (total % 60 == 0 ? "" : String.format("%02dm", total % 60)) : total + "m";
  }
}
