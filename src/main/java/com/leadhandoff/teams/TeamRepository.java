package com.leadhandoff.teams;

import com.leadhandoff.teams.WorkingTime.Interval;
import com.leadhandoff.teams.SalesTeams.OwnHours;
import com.leadhandoff.teams.SalesTeams.Team;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The teams' and reps' tables (V15-V17): calendars, managers, rep settings, absences, the audit. */
@Repository
public class TeamRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  public TeamRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Every team and every rep's own hours, as of one settings version. */
  record Snapshot(long version, Map<String, Team> teams, Map<String, OwnHours> reps) {}

  /** A rep's settings; a rep without a row is active, weight 1, with the default capacity. */
  public record RepSettings(String userId, boolean active, Integer capacity, int weight, ZoneId zone, long credit) {

    static RepSettings defaults(String userId) {
      return new RepSettings(userId, true, null, 1, null, 0);
    }
  }

  /** A period out of office, whole days; ends null: until further notice. */
  public record Absence(long id, String userId, LocalDate starts, LocalDate ends, String note, String setBy) {

    public boolean covers(LocalDate day) {
      return !day.isBefore(starts) && (ends == null || !day.isAfter(ends));
    }
  }

  /** One line of the audit. */
  public record Change(String teamId, String changedBy, OffsetDateTime changedAt, String change, String details) {}

  long version() {
    return jdbc.sql("select version from team_settings_version where id = 1").query(Long.class).single();
  }

  /**
   * A new version: every node rereads the calendars at their next use. Call in the changing transaction. A random
   * value, never a count: a node that read the changed rows inside a transaction later rolled back cannot meet its
   * version again.
   */
  void changed() {
    jdbc.sql("update team_settings_version set version = :version where id = 1")
        .param("version", java.util.concurrent.ThreadLocalRandom.current().nextLong()).update();
  }

  Snapshot snapshot(long version) {
    Map<String, Map<DayOfWeek, List<Interval>>> teamHours = hours("team_working_hours", "team_id");
    Map<String, Map<LocalDate, String>> companyDays = new HashMap<>();
    jdbc.sql("select team_id, day_off, name from team_company_days").query(rs -> {
      companyDays.computeIfAbsent(rs.getString("team_id"), t -> new TreeMap<>()).put(rs.getObject("day_off", LocalDate.class), rs.getString("name"));
    });
    Map<String, List<String>> managers = new HashMap<>();
    jdbc.sql("select team_id, user_id from team_managers order by user_id").query(rs -> {
      managers.computeIfAbsent(rs.getString("team_id"), t -> new ArrayList<>()).add(rs.getString("user_id"));
    });
    Map<String, Team> teams = new LinkedHashMap<>();
    jdbc.sql("select * from sales_teams order by id").query(rs -> {
      String id = rs.getString("id");
      teams.put(id, new Team(id, rs.getString("name"), ZoneId.of(rs.getString("time_zone")), rs.getString("holiday_region"),
          teamHours.getOrDefault(id, Map.of()), companyDays.getOrDefault(id, Map.of()), List.copyOf(managers.getOrDefault(id, List.of()))));
    });
    Map<String, Map<DayOfWeek, List<Interval>>> repHours = hours("rep_working_hours", "user_id");
    Map<String, OwnHours> reps = new HashMap<>();
    jdbc.sql("select user_id, time_zone from sales_reps where time_zone is not null").query(rs -> {
      reps.put(rs.getString("user_id"), new OwnHours(ZoneId.of(rs.getString("time_zone")), Map.of()));
    });
    repHours.forEach((user, week) -> reps.merge(user, new OwnHours(null, week), (zone, hours) -> new OwnHours(zone.zone(), week)));
    return new Snapshot(version, Map.copyOf(teams), Map.copyOf(reps));
  }

  private Map<String, Map<DayOfWeek, List<Interval>>> hours(String table, String owner) {
    Map<String, Map<DayOfWeek, List<Interval>>> hours = new HashMap<>();
    jdbc.sql("select * from " + table + " order by opens").query(rs -> {
      hours.computeIfAbsent(rs.getString(owner), o -> new EnumMap<>(DayOfWeek.class))
          .computeIfAbsent(DayOfWeek.valueOf(rs.getString("day_of_week")), d -> new ArrayList<>())
          .add(new Interval(rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class)));
    });
    return hours;
  }

  /** Inserts the team unless it exists; false when another node (or an earlier start) already did. */
  boolean createIfMissing(String id, String name, ZoneId zone, String holidayRegion, Map<DayOfWeek, List<Interval>> week, String by) {
    int inserted = jdbc.sql("""
        insert into sales_teams (id, name, time_zone, holiday_region, updated_at, updated_by)
        select :id, :name, :zone, :region, :at, :by from team_settings_version where id = 1
          and not exists (select 1 from sales_teams where id = :id)""")
        .param("id", id).param("name", name).param("zone", zone.getId()).param("region", holidayRegion)
        .param("at", OffsetDateTime.now(clock)).param("by", by).update();
    if (inserted == 1) {
      saveHours("team_working_hours", "team_id", id, week);
    }
    return inserted == 1;
  }

  public void saveTeam(String id, String name, ZoneId zone, String holidayRegion, Map<DayOfWeek, List<Interval>> week, List<String> managers,
      String by) {
    int updated = jdbc.sql("update sales_teams set name = :name, time_zone = :zone, holiday_region = :region, updated_at = :at,"
            + " updated_by = :by where id = :id")
        .param("id", id).param("name", name).param("zone", zone.getId()).param("region", holidayRegion)
        .param("at", OffsetDateTime.now(clock)).param("by", by).update();
    if (updated == 0) {
      createIfMissing(id, name, zone, holidayRegion, Map.of(), by);
    }
    saveHours("team_working_hours", "team_id", id, week);
    jdbc.sql("delete from team_managers where team_id = :id").param("id", id).update();
    for (String manager : managers) {
      jdbc.sql("insert into team_managers (team_id, user_id) values (:id, :user)").param("id", id).param("user", manager).update();
    }
    changed();
  }

  void saveHours(String table, String owner, String id, Map<DayOfWeek, List<Interval>> week) {
    jdbc.sql("delete from " + table + " where " + owner + " = :id").param("id", id).update();
    week.forEach((day, intervals) -> intervals.forEach(interval -> jdbc.sql(
            "insert into " + table + " (" + owner + ", day_of_week, opens, closes) values (:id, :day, :opens, :closes)")
        .param("id", id).param("day", day.name()).param("opens", interval.opens()).param("closes", interval.closes()).update()));
  }

  /** Adds a company day, or renames the one on that date. */
  public void saveCompanyDay(String teamId, LocalDate day, String name) {
    jdbc.sql("delete from team_company_days where team_id = :team and day_off = :day").param("team", teamId).param("day", day).update();
    jdbc.sql("insert into team_company_days (team_id, day_off, name) values (:team, :day, :name)")
        .param("team", teamId).param("day", day).param("name", name).update();
    changed();
  }

  boolean deleteCompanyDay(String teamId, LocalDate day) {
    boolean deleted = jdbc.sql("delete from team_company_days where team_id = :team and day_off = :day")
        .param("team", teamId).param("day", day).update() > 0;
    if (deleted) {
      changed();
    }
    return deleted;
  }

  public RepSettings rep(String userId) {
    return jdbc.sql("select * from sales_reps where user_id = :user").param("user", userId)
        .query((rs, n) -> new RepSettings(rs.getString("user_id"), rs.getBoolean("active"), rs.getObject("capacity", Integer.class),
            rs.getInt("weight"), Optional.ofNullable(rs.getString("time_zone")).map(ZoneId::of).orElse(null), rs.getLong("rotation_credit")))
        .optional().orElse(RepSettings.defaults(userId));
  }

  public void saveRep(RepSettings rep, Map<DayOfWeek, List<Interval>> ownHours) {
    if (jdbc.sql("update sales_reps set active = :active, capacity = :capacity, weight = :weight, time_zone = :zone, updated_at = :at"
            + " where user_id = :user").params(repParams(rep)).update() == 0) {
      jdbc.sql("insert into sales_reps (user_id, active, capacity, weight, time_zone, updated_at)"
          + " values (:user, :active, :capacity, :weight, :zone, :at)").params(repParams(rep)).update();
    }
    saveHours("rep_working_hours", "user_id", rep.userId(), ownHours);
    changed();
  }

  private Map<String, Object> repParams(RepSettings rep) {
    Map<String, Object> params = new HashMap<>();
    params.put("user", rep.userId());
    params.put("active", rep.active());
    params.put("capacity", rep.capacity());
    params.put("weight", rep.weight());
    params.put("zone", rep.zone() == null ? null : rep.zone().getId());
    params.put("at", OffsetDateTime.now(clock));
    return params;
  }

  /** The reps' rotation credits (smooth weighted round-robin); a rep without a row starts at 0. */
  public void saveCredit(String userId, long credit) {
    if (jdbc.sql("update sales_reps set rotation_credit = :credit where user_id = :user").param("credit", credit).param("user", userId)
        .update() == 0) {
      jdbc.sql("insert into sales_reps (user_id, rotation_credit) values (:user, :credit)").param("user", userId).param("credit", credit)
          .update();
    }
  }

  /** Serialises the rotation of one team across nodes until the transaction ends. */
  public void lockRotation(String teamId) {
    jdbc.sql("select id from sales_teams where id = :id for update").param("id", teamId).query(String.class).optional();
  }

  public List<Absence> absences(String userId) {
    return jdbc.sql("select * from rep_absences where user_id = :user order by starts, id").param("user", userId)
        .query((rs, n) -> new Absence(rs.getLong("id"), rs.getString("user_id"), rs.getObject("starts", LocalDate.class),
            rs.getObject("ends", LocalDate.class), rs.getString("note"), rs.getString("set_by")))
        .list();
  }

  public long addAbsence(String userId, LocalDate starts, LocalDate ends, String note, String by) {
    org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into rep_absences (user_id, starts, ends, note, set_by, set_at) values (:user, :starts, :ends, :note, :by, :at)")
        .param("user", userId).param("starts", starts).param("ends", ends).param("note", note).param("by", by)
        .param("at", OffsetDateTime.now(clock)).update(key, "id");
    return key.getKey().longValue();
  }

  boolean deleteAbsence(String userId, long id) {
    return jdbc.sql("delete from rep_absences where user_id = :user and id = :id").param("user", userId).param("id", id).update() > 0;
  }

  void audit(Change change) {
    jdbc.sql("insert into team_audit (team_id, changed_by, changed_at, change, details) values (:team, :by, :at, :change, :details)")
        .param("team", change.teamId()).param("by", change.changedBy()).param("at", change.changedAt()).param("change", change.change())
        .param("details", change.details().length() > 4000 ? change.details().substring(0, 3997) + "..." : change.details()).update();
  }

  List<Change> audit(String teamId, int limit) {
    return jdbc.sql("select * from team_audit where team_id = :team order by changed_at desc, id desc limit " + limit)
        .param("team", teamId)
        .query((rs, n) -> new Change(rs.getString("team_id"), rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class),
            rs.getString("change"), rs.getString("details")))
        .list();
  }
}
