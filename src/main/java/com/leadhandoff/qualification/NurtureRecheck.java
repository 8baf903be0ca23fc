package com.leadhandoff.qualification;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * When a nurtured lead is re-checked ({@code ${nurtureRecheck.after(execution, 'P7D')}}): on the day the period ends,
 * at a moment of the re-check window that belongs to the lead (derived from its id), on a weekday. Leads that start
 * nurturing together (an import of 100,000) are therefore re-checked spread over the window rather than in one wave
 * a week later, and each lead keeps its weekly rhythm. The process model says how often; this only says when in the day.
 */
@Component("nurtureRecheck")
public class NurtureRecheck {

  /** The window re-checks are spread over ({@code lead-handoff.nurture.*}), in a time zone of the company's. */
  @ConfigurationProperties("lead-handoff.nurture")
  public record Window(@DefaultValue("Europe/Berlin") ZoneId zone, @DefaultValue("08:00") LocalTime recheckFrom,
      @DefaultValue("18:00") LocalTime recheckUntil) {

    public Window {
      if (!recheckFrom.isBefore(recheckUntil)) {
        throw new IllegalArgumentException("lead-handoff.nurture.recheck-from must be before recheck-until");
      }
    }
  }

  private final Window window;
  private final Clock clock;

  public NurtureRecheck(Window window, Clock clock) {
    this.window = window;
    this.clock = clock;
  }

  /** The lead's re-check moment on the weekday the period (an ISO-8601 period such as P7D) ends. */
  public Date after(DelegateExecution execution, String period) {
    return Date.from(after(UUID.fromString(execution.getProcessBusinessKey()), Period.parse(period)).toInstant());
  }

  ZonedDateTime after(UUID lead, Period period) {
    LocalDate day = ZonedDateTime.now(clock).withZoneSameInstant(window.zone()).toLocalDate().plus(period);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    long seconds = Duration.between(window.recheckFrom(), window.recheckUntil()).toSeconds();
    long offset = Math.floorMod(lead.getLeastSignificantBits() ^ lead.getMostSignificantBits(), seconds);
    return day.atTime(window.recheckFrom()).plusSeconds(offset).atZone(window.zone());
  }
}
