package com.leadhandoff.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadhandoff.teams.WorkingTime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Business hours: 09:00-17:00, Monday to Friday, in the team's own time zone, holidays skipped. */
class BusinessCalendarTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  static WorkingTime team(ZoneId zone, Map<LocalDate, String> holidays) {
    return new WorkingTime(zone, LocalTime.of(9, 0), LocalTime.of(17, 0), WEEKDAYS, holidays);
  }

  static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      within the day: Tuesday 10:00 + 1h is Tuesday 11:00                 | 2026-11-24T10:00 | PT1H  | 2026-11-24T11:00
      ending exactly at closing: Tuesday 16:00 + 1h is Tuesday 17:00      | 2026-11-24T16:00 | PT1H  | 2026-11-24T17:00
      over the evening: Tuesday 16:30 + 1h is Wednesday 09:30             | 2026-11-24T16:30 | PT1H  | 2026-11-25T09:30
      the weekend: Friday 16:30 + 1h is Monday 09:30                      | 2026-11-27T16:30 | PT1H  | 2026-11-30T09:30
      before opening: Tuesday 07:00 + 1h is Tuesday 10:00                 | 2026-11-24T07:00 | PT1H  | 2026-11-24T10:00
      after closing: Tuesday 19:00 + 1h is Wednesday 10:00                | 2026-11-24T19:00 | PT1H  | 2026-11-25T10:00
      on a Saturday: Saturday 11:00 + 4h is Monday 13:00                  | 2026-11-28T11:00 | PT4H  | 2026-11-30T13:00
      a business day is 8 hours: Monday 09:00 + 8h is Monday 17:00        | 2026-11-30T09:00 | PT8H  | 2026-11-30T17:00
      16 business hours span two working days                             | 2026-11-30T13:00 | PT16H | 2026-12-02T13:00
      zero business time from outside hours starts at the next opening    | 2026-11-28T11:00 | PT0S  | 2026-11-30T09:00
      """)
  void berlinWorkingHours(String rule, String start, String sla, String due) {
    assertThat(BusinessCalendar.add(team(BERLIN, Map.of()), at(start, BERLIN), Duration.parse(sla)).at())
        .as(rule).isEqualTo(at(due, BERLIN));
  }

  @Test
  void aHolidayMondayMovesTheFridayEveningLeadToTuesday() {
    WorkingTime withHoliday = team(BERLIN, Map.of(LocalDate.parse("2026-11-30"), "Company holiday"));
    BusinessCalendar.Due due = BusinessCalendar.add(withHoliday, at("2026-11-27T16:30", BERLIN), Duration.ofHours(1));
    assertThat(due.at()).isEqualTo(at("2026-12-01T09:30", BERLIN));
    assertThat(due.explanation()).isEqualTo("due Tue 1 Dec 09:30 Berlin time: 1 business hour from Fri 27 Nov 16:30 (working hours "
        + "09:00-17:00: 30 min on Fri 27 Nov, 30 min on Tue 1 Dec); Sat 28 Nov and Sun 29 Nov skipped (not a working day); "
        + "Mon 30 Nov skipped (Company holiday)");
  }

  @Test
  void theExplainedPartsAddUpToTheSlaWhenTheClockStartsMidMinute() {
    BusinessCalendar.Due due = BusinessCalendar.add(team(BERLIN, Map.of()), at("2026-11-27T16:30", BERLIN).plusSeconds(30),
        Duration.ofHours(4));
    assertThat(due.explanation()).startsWith("due Mon 30 Nov 12:30 Berlin time: 4 business hours from Fri 27 Nov 16:30")
        .contains("30 min on Fri 27 Nov, 3h 30 min on Mon 30 Nov");
  }

  @Test
  void holidaysInARowAndAWeekendAreAllSkipped() {
    WorkingTime christmas = team(BERLIN, Map.of(LocalDate.parse("2026-12-24"), "Christmas Eve",
        LocalDate.parse("2026-12-25"), "Christmas Day", LocalDate.parse("2026-12-31"), "New Year's Eve", LocalDate.parse("2027-01-01"), "New Year"));
    assertThat(BusinessCalendar.add(christmas, at("2026-12-23T16:00", BERLIN), Duration.ofHours(2)).at())
        .isEqualTo(at("2026-12-28T10:00", BERLIN));
  }

  @Test
  void theSpringDstSwitchDoesNotShortenTheWorkingDay() {
    // clocks go forward on Sunday 2027-03-28 in Berlin: Friday 16:00 + 2h is Monday 10:00 local, 2 h of work either way
    BusinessCalendar.Due due = BusinessCalendar.add(team(BERLIN, Map.of()), at("2027-03-26T16:00", BERLIN), Duration.ofHours(2));
    assertThat(due.at()).isEqualTo(at("2027-03-29T10:00", BERLIN));
    assertThat(Duration.between(at("2027-03-26T16:00", BERLIN), due.at())).isEqualTo(Duration.ofHours(66 - 1));
  }

  @Test
  void theAutumnDstSwitchDoesNotLengthenTheWorkingDay() {
    // clocks go back on Sunday 2026-11-01 in New York
    BusinessCalendar.Due due = BusinessCalendar.add(team(NEW_YORK, Map.of()), at("2026-10-30T16:00", NEW_YORK), Duration.ofHours(2));
    assertThat(due.at()).isEqualTo(at("2026-11-02T10:00", NEW_YORK));
    assertThat(due.explanation()).startsWith("due Mon 2 Nov 10:00 New York time: 2 business hours");
  }

  @Test
  void twoTeamsCountTheSameInstantInTheirOwnTimeZones() {
    Instant lead = at("2026-11-24T16:30", BERLIN); // 10:30 in New York
    assertThat(BusinessCalendar.add(team(BERLIN, Map.of()), lead, Duration.ofHours(1)).at()).isEqualTo(at("2026-11-25T09:30", BERLIN));
    assertThat(BusinessCalendar.add(team(NEW_YORK, Map.of()), lead, Duration.ofHours(1)).at()).isEqualTo(at("2026-11-24T11:30", NEW_YORK));
  }

  @Test
  void aCalendarWithoutWorkingTimeIsAClearError() {
    Map<LocalDate, String> everyDay = new java.util.HashMap<>();
    for (int i = 0; i < 400; i++) {
      everyDay.put(LocalDate.parse("2026-11-01").plusDays(i), "closed");
    }
    assertThatThrownBy(() -> BusinessCalendar.add(team(BERLIN, everyDay), at("2026-11-24T10:00", BERLIN), Duration.ofHours(1)))
        .hasMessageContaining("No working time");
    assertThatThrownBy(() -> BusinessCalendar.add(team(BERLIN, Map.of()), at("2026-11-24T10:00", BERLIN), Duration.ofHours(-1)))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> new WorkingTime(BERLIN, LocalTime.of(17, 0), LocalTime.of(9, 0), WEEKDAYS, Map.of()))
        .hasMessageContaining("open before");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      within the day: Tuesday 10:00 to 11:30 is 90 minutes                | 2026-11-24T10:00 | 2026-11-24T11:30 | 90
      the evening does not count: Tuesday 16:30 to Wednesday 09:30        | 2026-11-24T16:30 | 2026-11-25T09:30 | 60
      the weekend does not count: Friday 16:00 to Monday 10:00            | 2026-11-27T16:00 | 2026-11-30T10:00 | 120
      all outside hours: Saturday to Sunday                               | 2026-11-28T08:00 | 2026-11-29T20:00 | 0
      a whole working week is 5 x 8 hours                                 | 2026-11-30T00:00 | 2026-12-05T00:00 | 2400
      an end before the start is no time at all                           | 2026-11-24T12:00 | 2026-11-24T10:00 | 0
      """)
  void businessTimeBetweenTwoInstants(String rule, String from, String to, long minutes) {
    assertThat(BusinessCalendar.between(team(BERLIN, Map.of()), at(from, BERLIN), at(to, BERLIN)))
        .as(rule).isEqualTo(Duration.ofMinutes(minutes));
  }

  @Test
  void betweenSkipsHolidaysAndUndoesAdd() {
    WorkingTime withHoliday = team(BERLIN, Map.of(LocalDate.parse("2026-11-30"), "Company holiday"));
    assertThat(BusinessCalendar.between(withHoliday, at("2026-11-27T16:30", BERLIN), at("2026-12-01T09:30", BERLIN)))
        .isEqualTo(Duration.ofHours(1));
    for (String start : new String[] {"2026-11-24T10:00", "2026-11-27T16:30", "2026-11-28T11:00", "2026-03-27T15:00"}) {
      for (Duration sla : new Duration[] {Duration.ofMinutes(1), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(30)}) {
        Instant due = BusinessCalendar.add(withHoliday, at(start, BERLIN), sla).at();
        assertThat(BusinessCalendar.between(withHoliday, at(start, BERLIN), due)).as(start + " + " + sla).isEqualTo(sla);
      }
    }
  }

  @Test
  void aLunchBreakAndShortFridaysAreNotWorkingTime() {
    var longDay = java.util.List.of(new WorkingTime.Interval(LocalTime.of(9, 0), LocalTime.of(12, 30)),
        new WorkingTime.Interval(LocalTime.of(13, 30), LocalTime.of(17, 0)));
    var shortFriday = java.util.List.of(new WorkingTime.Interval(LocalTime.of(9, 0), LocalTime.of(13, 0)));
    WorkingTime time = new WorkingTime(BERLIN, Map.of(DayOfWeek.MONDAY, longDay, DayOfWeek.TUESDAY, longDay, DayOfWeek.WEDNESDAY, longDay,
        DayOfWeek.THURSDAY, longDay, DayOfWeek.FRIDAY, shortFriday), day -> null);

    BusinessCalendar.Due overLunch = BusinessCalendar.add(time, at("2026-11-24T12:00", BERLIN), Duration.ofHours(1));
    assertThat(overLunch.at()).isEqualTo(at("2026-11-24T14:00", BERLIN));
    assertThat(overLunch.explanation()).isEqualTo("due Tue 24 Nov 14:00 Berlin time: 1 business hour from Tue 24 Nov 12:00 (working hours "
        + "Mon-Thu 09:00-12:30, 13:30-17:00, Fri 09:00-13:00: 1h on Tue 24 Nov)");
    assertThat(BusinessCalendar.add(time, at("2026-11-27T12:30", BERLIN), Duration.ofHours(1)).at()).as("Friday closes at 13:00")
        .isEqualTo(at("2026-11-30T09:30", BERLIN));
    assertThat(BusinessCalendar.between(time, at("2026-11-23T00:00", BERLIN), at("2026-11-30T00:00", BERLIN)))
        .as("a week: 4 days of 7 hours and a Friday of 4").isEqualTo(Duration.ofHours(32));
  }

  @Test
  void overlappingIntervalsAreRefused() {
    assertThatThrownBy(() -> new WorkingTime(BERLIN, Map.of(DayOfWeek.MONDAY, java.util.List.of(
        new WorkingTime.Interval(LocalTime.of(9, 0), LocalTime.of(13, 0)), new WorkingTime.Interval(LocalTime.of(12, 0), LocalTime.of(17, 0)))),
        day -> null)).hasMessage("Working hours overlap on MONDAY: 09:00-13:00 and 12:00-17:00");
  }
}
