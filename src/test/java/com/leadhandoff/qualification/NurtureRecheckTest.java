package com.leadhandoff.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The weekly re-check of nurtured leads: a week later, on a weekday, spread over the window, never in one wave. */
class NurtureRecheckTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final NurtureRecheck.Window WINDOW = new NurtureRecheck.Window(BERLIN, LocalTime.of(8, 0), LocalTime.of(18, 0));

  private static NurtureRecheck at(String instant) {
    return new NurtureRecheck(WINDOW, Clock.fixed(Instant.parse(instant), BERLIN));
  }

  @Test
  void oneHundredThousandLeadsImportedTogetherAreReCheckedSpreadOverTheWindowOfTheDayAWeekLater() {
    NurtureRecheck recheck = at("2026-12-01T09:00:00Z"); // a Tuesday, 10:00 in Berlin
    Random random = new Random(42);
    Map<ZonedDateTime, Long> perMinute = IntStream.range(0, 100_000)
        .mapToObj(i -> recheck.after(new UUID(random.nextLong(), random.nextLong()), Period.ofDays(7)))
        .collect(Collectors.groupingBy(when -> when.truncatedTo(ChronoUnit.MINUTES), Collectors.counting()));

    assertThat(perMinute.keySet()).allSatisfy(minute -> {
      assertThat(minute.toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 8));
      assertThat(minute.toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(17, 59));
    });
    assertThat(perMinute).as("every minute of the ten hours has re-checks").hasSize(600);
    double average = 100_000 / 600.0;
    assertThat(perMinute.values()).as("no minute holds a wave (average %.0f)", average)
        .allSatisfy(count -> assertThat(count).isBetween((long) (average * 0.6), (long) (average * 1.4)));
  }

  @Test
  void aLeadKeepsItsMomentOfTheDayEveryWeek() {
    UUID lead = UUID.randomUUID();
    ZonedDateTime first = at("2026-12-01T09:00:00Z").after(lead, Period.ofDays(7));
    ZonedDateTime second = new NurtureRecheck(WINDOW, Clock.fixed(first.toInstant(), BERLIN)).after(lead, Period.ofDays(7));
    assertThat(second.toLocalTime()).isEqualTo(first.toLocalTime());
    assertThat(second.toLocalDate()).isEqualTo(first.toLocalDate().plusDays(7));
  }

  @Test
  void aWeekEndingOnAWeekendIsReCheckedOnMonday() {
    Function<String, DayOfWeek> dayAWeekAfter = instant -> at(instant).after(UUID.randomUUID(), Period.ofDays(7)).getDayOfWeek();
    assertThat(dayAWeekAfter.apply("2026-12-05T12:00:00Z")).as("from a Saturday").isEqualTo(DayOfWeek.MONDAY);
    assertThat(dayAWeekAfter.apply("2026-12-06T12:00:00Z")).as("from a Sunday").isEqualTo(DayOfWeek.MONDAY);
    assertThat(dayAWeekAfter.apply("2026-12-04T23:30:00Z")).as("from Friday 23:30 UTC, Saturday in Berlin").isEqualTo(DayOfWeek.MONDAY);
    assertThat(dayAWeekAfter.apply("2026-12-04T22:30:00Z")).as("from Friday 23:30 in Berlin").isEqualTo(DayOfWeek.FRIDAY);
  }

  @Test
  void aWindowThatEndsBeforeItStartsIsRefusedAtStart() {
    assertThatThrownBy(() -> new NurtureRecheck.Window(BERLIN, LocalTime.of(18, 0), LocalTime.of(8, 0)))
        .hasMessageContaining("recheck-from must be before recheck-until");
  }
}
