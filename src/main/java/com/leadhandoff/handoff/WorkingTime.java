package com.leadhandoff.handoff;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * When a team works: its time zone, daily hours, working days and public holidays (date to name).
 * A business day is these hours, never 24 business hours.
 */
public record WorkingTime(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> days, Map<LocalDate, String> holidays) {

  public WorkingTime {
    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException("Working hours must open before they close: " + opens + "-" + closes);
    }
    if (days.isEmpty()) {
      throw new IllegalArgumentException("A team needs at least one working day");
    }
    days = Set.copyOf(days);
    holidays = Map.copyOf(holidays);
  }

  public boolean isWorkingDay(LocalDate date) {
    return days.contains(date.getDayOfWeek()) && !holidays.containsKey(date);
  }
}
