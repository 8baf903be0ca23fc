package com.leadhandoff.sla;

import com.leadhandoff.teams.SalesTeams;
import com.leadhandoff.teams.WorkingTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * WARNING (HTTP 200) when a team has no working time in the next 12 months: its SLAs could never fall due, so a
 * manager must give it hours (or remove the days off that cover the whole year).
 */
@Component("teamCalendars")
public class TeamCalendarHealth implements HealthIndicator {

  static final Status WARNING = new Status("WARNING");

  private final SalesTeams teams;
  private final Clock clock;

  public TeamCalendarHealth(SalesTeams teams, Clock clock) {
    this.teams = teams;
    this.clock = clock;
  }

  @Override
  public Health health() {
    Instant now = clock.instant();
    Instant inAYear = now.plus(Duration.ofDays(365));
    List<String> idle = new ArrayList<>();
    for (String team : teams.teams().keySet()) {
      WorkingTime time = teams.workingTime(team);
      if (BusinessCalendar.between(time, now, inAYear).isZero()) {
        idle.add(team);
      }
    }
    return (idle.isEmpty() ? Health.up() : Health.status(WARNING).withDetail("noWorkingTimeInTheNext12Months", idle))
        .withDetail("teams", teams.teams().size()).build();
  }
}
