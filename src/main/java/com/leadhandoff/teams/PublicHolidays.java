package com.leadhandoff.teams;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Public holidays by country and region ("DE", "DE-BY", "US-NY") for any year, from the Jollyday library: its data
 * is kept by its maintainers, so no list in the product runs out. Each region's year is computed once and kept.
 */
@Component
public class PublicHolidays {

  private final Map<String, Map<LocalDate, String>> years = new ConcurrentHashMap<>();

  /**
   * Loads the library's calendar data source once, before any lead's SLA asks for a holiday: Jollyday (1.5) finds it
   * lazily and lets a concurrent first caller see an empty list ("Cannot instantiate datasource instance because
   * there is no implementations"), which failed the first captures arriving together after a start.
   */
  public PublicHolidays() {
    manager("DE");
  }

  /** Why a region is not one the library knows, or null when it is. */
  public String whyUnknown(String region) {
    String[] parts = region.split("-");
    if (!HolidayManager.getSupportedCalendarCodes().contains(parts[0].toUpperCase(Locale.ROOT))) {
      return "unknown country '" + parts[0] + "': use an ISO 3166 code such as DE, GB or US";
    }
    CalendarHierarchy level = manager(parts[0]).getCalendarHierarchy();
    for (int i = 1; i < parts.length; i++) {
      level = level.getChildren().get(parts[i].toLowerCase(Locale.ROOT));
      if (level == null) {
        return "unknown region '" + region + "' (the regions of " + parts[0].toUpperCase(Locale.ROOT) + ": "
            + String.join(", ", manager(parts[0]).getCalendarHierarchy().getChildren().keySet().stream()
                .map(r -> parts[0].toUpperCase(Locale.ROOT) + "-" + r.toUpperCase(Locale.ROOT)).sorted().toList()) + ")";
      }
    }
    return null;
  }

  /** The public holiday's English name on a date in the region, or null. */
  public String on(String region, LocalDate day) {
    return year(region, day.getYear()).get(day);
  }

  /** Date to name, in date order. */
  public Map<LocalDate, String> year(String region, int year) {
    return years.computeIfAbsent(region.toUpperCase(Locale.ROOT) + "/" + year, key -> {
      String[] parts = region.split("-");
      String[] regions = Arrays.stream(parts).skip(1).map(r -> r.toLowerCase(Locale.ROOT)).toArray(String[]::new);
      Map<LocalDate, String> days = new TreeMap<>();
      for (Holiday holiday : manager(parts[0]).getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, regions)) {
        days.merge(holiday.getDate(), holiday.getDescription(Locale.ENGLISH), (a, b) -> a + " / " + b);
      }
      return java.util.Collections.unmodifiableMap(days);
    });
  }

  private static HolidayManager manager(String country) {
    return HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
  }
}
