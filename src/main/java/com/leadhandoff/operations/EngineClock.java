package com.leadhandoff.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The application's one clock (inject {@link Clock}): the engine's, so that the app's times and the engine's timers
 * agree and a test that moves the engine's time ({@code ClockUtil.setCurrentTime}) moves the app's too. In UTC.
 * ClockUtil is an engine internal (no public API sets or reads the engine's time); this is the one place that reads it.
 */
@Component
public class EngineClock extends Clock {

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The engine's clock is in UTC; convert the instant to the zone you need");
  }
}
