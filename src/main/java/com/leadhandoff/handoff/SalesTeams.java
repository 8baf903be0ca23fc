package com.leadhandoff.handoff;

import com.leadhandoff.security.SalesTeamGroups;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sales teams the routing decision may name, keyed by their Camunda group id
 * ({@code lead-handoff.teams.<group-id>.*}), with the working time their SLAs count in.
 */
@ConfigurationProperties("lead-handoff")
public record SalesTeams(Map<String, Team> teams) implements SalesTeamGroups {

  public SalesTeams {
    teams = teams == null ? Map.of() : Map.copyOf(teams);
  }

  /** The team's working time; a team the configuration does not know is a clear error. */
  public WorkingTime workingTime(String teamId) {
    Team team = teams.get(teamId);
    if (team == null) {
      throw new IllegalStateException("Team " + teamId + " is not configured under lead-handoff.teams; the routing decision names it");
    }
    return team.workingTime();
  }

  @Override
  public Map<String, String> salesTeamGroups() {
    Map<String, String> groups = new HashMap<>();
    teams.forEach((id, team) -> groups.put(id, team.name()));
    return groups;
  }

  /** A sales team: display name, time zone, working hours and days, and public holidays ("yyyy-mm-dd name"). */
  public record Team(String name, String timeZone, LocalTime opens, LocalTime closes, Set<DayOfWeek> workingDays,
      List<String> holidays) {

    public WorkingTime workingTime() {
      Map<LocalDate, String> days = new HashMap<>();
      for (String holiday : holidays == null ? List.<String>of() : holidays) {
        String[] dateAndName = holiday.trim().split("\\s+", 2);
        days.put(LocalDate.parse(dateAndName[0]), dateAndName.length > 1 ? dateAndName[1] : "public holiday");
      }
      return new WorkingTime(ZoneId.of(timeZone),
          opens != null ? opens : LocalTime.of(9, 0),
          closes != null ? closes : LocalTime.of(17, 0),
          workingDays == null || workingDays.isEmpty() ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) : workingDays,
          days);
    }
  }
}
