package com.leadhandoff.teams;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A team's working time, zone or days off changed (or a rep's own hours): published in the changing transaction, so
 * that what counts in the calendar (the running SLA clocks) follows at once. {@code why} ends their explanation; the
 * listener counts the clocks it moved into {@code clocksRecounted}, for the manager's answer.
 */
public record TeamCalendarChanged(String team, String why, AtomicInteger clocksRecounted) {

  TeamCalendarChanged(String team, String why) {
    this(team, why, new AtomicInteger());
  }
}
