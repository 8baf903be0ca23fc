package com.leadhandoff.teams;

import com.leadhandoff.teams.WorkingTime.Interval;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * First-start defaults ({@code lead-handoff.teams.<group-id>.*}): a team configured here that is not yet in the
 * database is created with these settings when a node starts; from then on its managers change it through the API,
 * and this configuration is not read again for it.
 */
@Component
public class TeamDefaults implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(TeamDefaults.class);

  private final Properties properties;
  private final TeamRepository repository;

  public TeamDefaults(Properties properties, TeamRepository repository) {
    this.properties = properties;
    this.repository = repository;
  }

  /** A team's defaults: name, time zone, holiday region ("DE-BE"), daily hours and working days. */
  public record Team(String name, String timeZone, String holidays, LocalTime opens, LocalTime closes, Set<DayOfWeek> workingDays) {}

  @ConfigurationProperties("lead-handoff")
  public record Properties(Map<String, Team> teams) {

    public Properties {
      teams = teams == null ? Map.of() : Map.copyOf(teams);
    }
  }

  @Override
  public void afterPropertiesSet() {
    properties.teams().forEach((id, team) -> {
      Set<DayOfWeek> days = team.workingDays() == null || team.workingDays().isEmpty()
          ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) : team.workingDays();
      Interval hours = new Interval(team.opens() != null ? team.opens() : LocalTime.of(9, 0),
          team.closes() != null ? team.closes() : LocalTime.of(17, 0));
      Map<DayOfWeek, List<Interval>> week = days.stream().collect(Collectors.toMap(d -> d, d -> List.of(hours)));
      try {
        if (repository.createIfMissing(id, team.name() != null ? team.name() : id, ZoneId.of(team.timeZone()), team.holidays(), week,
            "first-start defaults")) {
          repository.changed();
          LOG.info("Created team {} from the first-start defaults in lead-handoff.teams", id);
        }
      } catch (org.springframework.dao.DuplicateKeyException anotherNodeWasFirst) {
        LOG.debug("Team {} was created by another node", id);
      }
    });
  }
}
