package com.leadhandoff.teams;

import com.leadhandoff.security.SalesTeamGroups;
import com.leadhandoff.teams.WorkingTime.Interval;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The sales teams as they are now, for every node: read from the app's tables and kept until a change raises the
 * settings version (one primary-key read per use checks it), so a manager's change applies on every node at its next
 * use, without a restart.
 */
@Component
@DependsOn("teamDefaults") // the first-start defaults are in the tables before the first read
public class SalesTeams implements SalesTeamGroups {

  private final TeamRepository repository;
  private final PublicHolidays holidays;
  private volatile TeamRepository.Snapshot current;

  public SalesTeams(TeamRepository repository, PublicHolidays holidays) {
    this.repository = repository;
    this.holidays = holidays;
  }

  /** A sales team: its Camunda group id, name, zone, holiday region ("DE-BY", null: none), hours, company days, managers. */
  public record Team(String id, String name, ZoneId zone, String holidayRegion, Map<DayOfWeek, List<Interval>> week,
      Map<LocalDate, String> companyDays, List<String> managers) {}

  /** A rep's own hours or zone (either may be missing: then the team's). */
  public record OwnHours(ZoneId zone, Map<DayOfWeek, List<Interval>> week) {}

  public Map<String, Team> teams() {
    return snapshot().teams();
  }

  @Override
  public Map<String, String> salesTeamGroups() {
    Map<String, String> groups = new LinkedHashMap<>();
    teams().forEach((id, team) -> groups.put(id, team.name()));
    return groups;
  }

  public Optional<Team> team(String teamId) {
    return Optional.ofNullable(teams().get(teamId));
  }

  /** A rep's own hours and zone, or null: the team's. */
  public OwnHours ownHours(String rep) {
    return snapshot().reps().get(rep);
  }

  /** The team's working time; a team nobody created is a clear error (the routing decision names it). */
  public WorkingTime workingTime(String teamId) {
    return workingTime(teamId, null);
  }

  /** The working time a rep's SLA counts in: their own hours and zone where they have them, the team's days off. */
  public WorkingTime workingTime(String teamId, String rep) {
    TeamRepository.Snapshot snapshot = snapshot();
    Team team = snapshot.teams().get(teamId);
    if (team == null) {
      throw new IllegalStateException("Team " + teamId + " does not exist (create it on the team page or PUT /api/teams/"
          + teamId + "); the routing decision names it");
    }
    OwnHours own = rep == null ? null : snapshot.reps().get(rep);
    ZoneId zone = own != null && own.zone() != null ? own.zone() : team.zone();
    Map<DayOfWeek, List<Interval>> week = own != null && !own.week().isEmpty() ? own.week() : team.week();
    return new WorkingTime(zone, week, day -> dayOff(team, day));
  }

  /** The company day's or public holiday's name on a date, or null. */
  public String dayOff(Team team, LocalDate day) {
    String companyDay = team.companyDays().get(day);
    if (companyDay != null) {
      return companyDay + " (company day)";
    }
    return team.holidayRegion() == null ? null : holidays.on(team.holidayRegion(), day);
  }

  private TeamRepository.Snapshot snapshot() {
    TeamRepository.Snapshot known = current;
    long version = repository.version();
    if (known == null || known.version() != version) {
      known = repository.snapshot(version);
      current = known;
    }
    return known;
  }
}
