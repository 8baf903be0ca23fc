package com.leadhandoff.teams;

import com.leadhandoff.deployment.Processes;
import com.leadhandoff.security.AllowedGroups;
import com.leadhandoff.security.ApiUser;
import com.leadhandoff.teams.WorkingHoursInput.Hours;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The teams API the team page uses: a team's settings (time zone, working time, holiday region, company days, managers),
 * its reps (active, capacity, weight, own hours, out of office) and the audit (the hand-over: handoff.HandOverController).
 * Any authenticated user reaches it; {@link TeamAccess} decides who may do what (403 otherwise).
 */
@RestController
@RequestMapping("/api/teams")
@AllowedGroups(AllowedGroups.ANY_USER)
public class TeamsController {

  private final TeamService service;
  private final SalesTeams teams;
  private final TeamAccess access;
  private final TeamRepository repository;
  private final PublicHolidays holidays;
  private final TaskService tasks;
  private final Clock clock;

  public TeamsController(TeamService service, SalesTeams teams, TeamAccess access, TeamRepository repository, PublicHolidays holidays,
      TaskService tasks, Clock clock) {
    this.clock = clock;
    this.service = service;
    this.teams = teams;
    this.access = access;
    this.repository = repository;
    this.holidays = holidays;
    this.tasks = tasks;
  }

  public record TeamSummary(String id, String name, boolean manages) {}

  public record DayOff(LocalDate date, String name) {}

  public record RepView(String userId, String name, boolean active, Integer capacity, int weight, String timeZone,
      Map<String, List<Hours>> workingHours, List<TeamRepository.Absence> absences, long openLeads) {}

  public record TeamView(String id, String name, String timeZone, String holidayRegion, Map<String, List<Hours>> workingHours,
      List<DayOff> companyDays, List<DayOff> daysOffAhead, List<String> managers, boolean manages, List<RepView> reps) {}

  /** The teams the caller may see: all for the managers' group and administrators, else those they manage or work in. */
  @GetMapping
  public List<TeamSummary> teams(HttpServletRequest request) {
    ApiUser user = ApiUser.of(request);
    return teams.teams().values().stream()
        .filter(team -> access.manages(user, team.id()) || user.groups().contains(team.id()))
        .map(team -> new TeamSummary(team.id(), team.name(), access.manages(user, team.id()))).toList();
  }

  @GetMapping("/{team}")
  public TeamView team(@PathVariable String team, HttpServletRequest request) {
    ApiUser user = ApiUser.of(request);
    SalesTeams.Team found = service.team(user, team);
    List<RepView> reps = new ArrayList<>();
    for (User member : service.members(team)) {
      TeamRepository.RepSettings settings = repository.rep(member.getId());
      SalesTeams.OwnHours own = teams.ownHours(member.getId());
      reps.add(new RepView(member.getId(), name(member), settings.active(), settings.capacity(), settings.weight(),
          settings.zone() == null ? null : settings.zone().getId(), WorkingHoursInput.show(own == null ? Map.of() : own.week()),
          repository.absences(member.getId()), openLeads(member.getId())));
    }
    return new TeamView(found.id(), found.name(), found.zone().getId(), found.holidayRegion(), WorkingHoursInput.show(found.week()),
        found.companyDays().entrySet().stream().map(e -> new DayOff(e.getKey(), e.getValue())).toList(),
        daysOffAhead(found, 120), found.managers(), access.manages(user, team), reps);
  }

  private long openLeads(String rep) {
    return tasks.createTaskQuery().taskAssignee(rep).processDefinitionKeyIn(Processes.ALL.toArray(String[]::new)).count();
  }

  /** The days off (public holidays and company days) of the coming days, in date order. */
  private List<DayOff> daysOffAhead(SalesTeams.Team team, int days) {
    LocalDate today = OffsetDateTime.now(clock).atZoneSameInstant(team.zone()).toLocalDate();
    List<DayOff> ahead = new ArrayList<>();
    for (LocalDate day = today; day.isBefore(today.plusDays(days)); day = day.plusDays(1)) {
      String name = teams.dayOff(team, day);
      if (name != null) {
        ahead.add(new DayOff(day, name));
      }
    }
    return ahead;
  }

  private static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " " + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  /** Creates (administrators, the managers' group) or changes a team; running SLA clocks follow a changed calendar. */
  @PutMapping("/{team}")
  public TeamService.Outcome save(@PathVariable String team, @RequestBody TeamService.TeamInput body, HttpServletRequest request) {
    return service.saveTeam(ApiUser.of(request), team, body);
  }

  @PostMapping("/{team}/company-days")
  public TeamService.Outcome addCompanyDay(@PathVariable String team, @RequestBody TeamService.CompanyDayInput body,
      HttpServletRequest request) {
    return service.addCompanyDay(ApiUser.of(request), team, body);
  }

  @DeleteMapping("/{team}/company-days/{date}")
  public TeamService.Outcome deleteCompanyDay(@PathVariable String team, @PathVariable LocalDate date, HttpServletRequest request) {
    return service.deleteCompanyDay(ApiUser.of(request), team, date);
  }

  /**
   * Adds a user to the team or changes a rep; a deactivated rep's answer counts their open leads to hand over (the page
   * then offers them: GET .../open-leads, POST .../hand-over, handoff.HandOverController).
   */
  @PutMapping("/{team}/reps/{rep}")
  public Map<String, Object> saveRep(@PathVariable String team, @PathVariable String rep, @RequestBody TeamService.RepInput body,
      HttpServletRequest request) {
    ApiUser user = ApiUser.of(request);
    TeamRepository.RepSettings saved = service.saveRep(user, team, rep, body);
    long open = saved.active() ? 0 : openLeads(rep);
    return Map.of("userId", rep, "active", saved.active(), "weight", saved.weight(), "openLeadsToHandOver", open);
  }

  @PostMapping("/{team}/reps/{rep}/absences")
  public TeamRepository.Absence addAbsence(@PathVariable String team, @PathVariable String rep, @RequestBody TeamService.AbsenceInput body,
      HttpServletRequest request) {
    return service.addAbsence(ApiUser.of(request), team, rep, body);
  }

  @DeleteMapping("/{team}/reps/{rep}/absences/{id}")
  public void deleteAbsence(@PathVariable String team, @PathVariable String rep, @PathVariable long id, HttpServletRequest request) {
    service.deleteAbsence(ApiUser.of(request), team, rep, id);
  }

  @GetMapping("/{team}/audit")
  public List<TeamRepository.Change> audit(@PathVariable String team, @RequestParam(defaultValue = "100") int limit,
      HttpServletRequest request) {
    return service.audit(ApiUser.of(request), team, limit);
  }

  /** The public holidays of a region in a year, to check a region before choosing it. */
  @GetMapping("/holidays/{region}/{year}")
  public List<DayOff> holidays(@PathVariable String region, @PathVariable int year) {
    String unknown = holidays.whyUnknown(region);
    if (unknown != null) {
      throw new com.leadhandoff.api.InvalidRequestException(List.of(new com.leadhandoff.api.ApiProblems.FieldError("region", unknown)));
    }
    return holidays.year(region, year).entrySet().stream().map(e -> new DayOff(e.getKey(), e.getValue())).toList();
  }
}
