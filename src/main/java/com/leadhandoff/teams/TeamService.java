package com.leadhandoff.teams;

import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.InvalidRequestException;
import com.leadhandoff.security.ApiUser;
import com.leadhandoff.security.IdentityBootstrap;
import com.leadhandoff.teams.WorkingTime.Interval;
import com.leadhandoff.teams.TeamRepository.RepSettings;
import com.leadhandoff.teams.WorkingHoursInput.Hours;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a manager changes of a team, each change checked (problem details naming every bad field), allowed by
 * {@link TeamAccess}, written with the audit line of who changed what and when in one transaction, and, where the
 * team's calendar changed, followed by its running SLA clocks.
 */
@Service
public class TeamService {

  private final SalesTeams teams;
  private final TeamRepository repository;
  private final TeamAccess access;
  private final PublicHolidays holidays;
  private final ApplicationEventPublisher events;
  private final IdentityService identity;
  private final IdentityBootstrap bootstrap;
  private final Clock clock;

  public TeamService(SalesTeams teams, TeamRepository repository, TeamAccess access, PublicHolidays holidays, ApplicationEventPublisher events,
      IdentityService identity, IdentityBootstrap bootstrap, Clock clock) {
    this.events = events;
    this.clock = clock;
    this.teams = teams;
    this.repository = repository;
    this.access = access;
    this.holidays = holidays;
    this.identity = identity;
    this.bootstrap = bootstrap;
  }

  /** A team's settings as sent: name, time zone, holiday region ("DE-BY"; null or blank: none), hours, managers. */
  public record TeamInput(String name, String timeZone, String holidayRegion, Map<String, List<Hours>> workingHours, List<String> managers) {}

  public record CompanyDayInput(String date, String name) {}

  /**
   * A rep's settings; a missing field keeps its value. workingHours {} drops the rep's own hours and timeZone "" their
   * own zone (the team's apply).
   */
  public record RepInput(Boolean active, Integer capacity, Integer weight, String timeZone, Map<String, List<Hours>> workingHours) {}

  public record AbsenceInput(String starts, String ends, String note) {}

  /** What a change did: the SLA clocks it moved. */
  public record Outcome(String change, int clocksRecounted) {}

  public SalesTeams.Team team(ApiUser user, String teamId) {
    access.checkReads(user, teamId);
    return existing(teamId);
  }

  public SalesTeams.Team existing(String teamId) {
    return teams.team(teamId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No team " + teamId + "."));
  }

  @Transactional
  public Outcome saveTeam(ApiUser user, String teamId, TeamInput input) {
    SalesTeams.Team before = teams.team(teamId).orElse(null);
    if (before == null) {
      access.checkManagesEveryTeam(user);
    } else {
      access.checkManages(user, teamId);
    }
    List<FieldError> errors = new ArrayList<>();
    if (input.name() == null || input.name().isBlank()) {
      errors.add(new FieldError("name", "is required"));
    }
    ZoneId zone = zone("timeZone", input.timeZone(), true, errors);
    String region = input.holidayRegion() == null || input.holidayRegion().isBlank() ? null : input.holidayRegion().trim().toUpperCase();
    if (region != null && holidays.whyUnknown(region) != null) {
      errors.add(new FieldError("holidayRegion", holidays.whyUnknown(region)));
    }
    Map<DayOfWeek, List<Interval>> week = WorkingHoursInput.parse("workingHours", input.workingHours(), true, errors);
    List<String> managers = input.managers() == null ? (before == null ? List.of() : before.managers())
        : input.managers().stream().sorted().distinct().toList();
    for (String manager : managers) {
      if (identity.createUserQuery().userId(manager).count() == 0) {
        errors.add(new FieldError("managers", "is not a user: '" + manager + "'"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    if (before != null && !managers.equals(before.managers())) {
      access.checkManagesEveryTeam(user);
    }
    repository.saveTeam(teamId, input.name().trim(), zone, region, week, managers, user.id());
    String change = before == null ? "created the team" : "changed the team's settings";
    audit(teamId, user, change, "name " + input.name().trim() + ", time zone " + zone + ", holidays " + (region == null ? "none" : region)
        + ", working hours " + WorkingHoursInput.describe(week) + ", managers " + managers);
    if (before == null) {
      bootstrap.bootstrap(); // the team's Camunda group, its Tasklist filters and authorizations
      return new Outcome(change, 0);
    }
    boolean calendarChanged = !zone.equals(before.zone()) || !Objects.equals(region, before.holidayRegion()) || !week.equals(before.week());
    return new Outcome(change, calendarChanged ? calendarChanged(teamId, user.id() + " changed the team's working time or holidays") : 0);
  }

  @Transactional
  public Outcome addCompanyDay(ApiUser user, String teamId, CompanyDayInput input) {
    access.checkManages(user, teamId);
    existing(teamId);
    List<FieldError> errors = new ArrayList<>();
    LocalDate day = date("date", input.date(), true, errors);
    if (input.name() == null || input.name().isBlank()) {
      errors.add(new FieldError("name", "is required: what the day is, e.g. Team offsite"));
    } else if (input.name().length() > 200) {
      errors.add(new FieldError("name", "is longer than 200 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    repository.saveCompanyDay(teamId, day, input.name().trim());
    audit(teamId, user, "added a company day", day + " " + input.name().trim());
    return new Outcome("added a company day", calendarChanged(teamId, user.id() + " added the company day " + day + " " + input.name().trim()));
  }

  @Transactional
  public Outcome deleteCompanyDay(ApiUser user, String teamId, LocalDate day) {
    access.checkManages(user, teamId);
    if (!repository.deleteCompanyDay(teamId, day)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Team " + teamId + " has no company day on " + day + ".");
    }
    audit(teamId, user, "removed a company day", day.toString());
    return new Outcome("removed a company day", calendarChanged(teamId, user.id() + " removed the company day " + day));
  }

  /** Adds the user to the team (its Camunda group) if needed and saves their settings. */
  @Transactional
  public RepSettings saveRep(ApiUser user, String teamId, String rep, RepInput input) {
    access.checkManages(user, teamId);
    existing(teamId);
    if (identity.createUserQuery().userId(rep).count() == 0) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No user " + rep + ".");
    }
    RepSettings before = repository.rep(rep);
    List<FieldError> errors = new ArrayList<>();
    if (input.weight() != null && input.weight() <= 0) {
      errors.add(new FieldError("weight", "must be at least 1 (a rep of weight 2 gets two leads for every one of weight 1): " + input.weight()));
    }
    if (input.capacity() != null && input.capacity() < 0) {
      errors.add(new FieldError("capacity", "must be 0 or more open leads: " + input.capacity()));
    }
    ZoneId zone = input.timeZone() == null ? before.zone() : zone("timeZone", input.timeZone(), false, errors);
    Map<DayOfWeek, List<Interval>> own = input.workingHours() == null ? ownHours(rep)
        : WorkingHoursInput.parse("workingHours", input.workingHours(), false, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    RepSettings after = new RepSettings(rep, input.active() != null ? input.active() : before.active(),
        input.capacity() != null ? input.capacity() : before.capacity(), input.weight() != null ? input.weight() : before.weight(), zone,
        before.credit());
    if (identity.createUserQuery().userId(rep).memberOfGroup(teamId).count() == 0) {
      identity.createMembership(rep, teamId);
    }
    boolean hoursChanged = !Objects.equals(zone, before.zone()) || !own.equals(ownHours(rep));
    repository.saveRep(after, own);
    if (hoursChanged) {
      calendarChanged(teamId, user.id() + " changed the working time of " + rep); // their running SLAs count in their hours
    }
    audit(teamId, user, "changed rep " + rep, "active " + after.active() + ", capacity " + (after.capacity() == null ? "default" : after.capacity())
        + ", weight " + after.weight() + ", time zone " + (zone == null ? "the team's" : zone) + ", own hours "
        + WorkingHoursInput.describe(own));
    return after;
  }

  Map<DayOfWeek, List<Interval>> ownHours(String rep) {
    SalesTeams.OwnHours own = teams.ownHours(rep);
    return own == null ? Map.of() : own.week();
  }

  @Transactional
  public TeamRepository.Absence addAbsence(ApiUser user, String teamId, String rep, AbsenceInput input) {
    access.checkRepOrManager(user, teamId, rep);
    List<FieldError> errors = new ArrayList<>();
    LocalDate starts = date("starts", input.starts(), true, errors);
    LocalDate ends = date("ends", input.ends(), false, errors);
    if (starts != null && ends != null && ends.isBefore(starts)) {
      errors.add(new FieldError("ends", "is before it starts: " + ends + " < " + starts));
    }
    if (input.note() != null && input.note().length() > 500) {
      errors.add(new FieldError("note", "is longer than 500 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    long id = repository.addAbsence(rep, starts, ends, input.note(), user.id());
    audit(teamId, user, "set " + rep + " out of office", starts + " to " + (ends == null ? "further notice" : ends)
        + (input.note() == null ? "" : ": " + input.note()));
    return repository.absences(rep).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
  }

  @Transactional
  public void deleteAbsence(ApiUser user, String teamId, String rep, long id) {
    access.checkRepOrManager(user, teamId, rep);
    if (!repository.deleteAbsence(rep, id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No out-of-office period " + id + " of " + rep + ".");
    }
    audit(teamId, user, "removed an out-of-office period of " + rep, "period " + id);
  }

  public List<TeamRepository.Change> audit(ApiUser user, String teamId, int limit) {
    access.checkManages(user, teamId);
    return repository.audit(teamId, Math.max(1, Math.min(limit, 500)));
  }

  /** Publishes the change (the SLA clocks follow in this transaction) and answers how many running clocks moved. */
  private int calendarChanged(String teamId, String why) {
    TeamCalendarChanged changed = new TeamCalendarChanged(teamId, why);
    events.publishEvent(changed);
    return changed.clocksRecounted().get();
  }

  /** The reps of a team (members of its group) with their settings. */
  public List<User> members(String teamId) {
    return identity.createUserQuery().memberOfGroup(teamId).orderByUserId().asc().list();
  }

  public void audit(String teamId, ApiUser user, String change, String details) {
    repository.audit(new TeamRepository.Change(teamId, user.id(), OffsetDateTime.now(clock), change, details));
  }

  private static ZoneId zone(String field, String text, boolean required, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "is required, a time zone like Europe/Berlin"));
      }
      return null;
    }
    try {
      return ZoneId.of(text.trim());
    } catch (DateTimeException e) {
      errors.add(new FieldError(field, "is not a time zone like Europe/Berlin: '" + text + "'"));
      return null;
    }
  }

  private static LocalDate date(String field, String text, boolean required, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "is required, a date like 2026-12-24"));
      }
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "is not a date like 2026-12-24: '" + text + "'"));
      return null;
    }
  }
}
