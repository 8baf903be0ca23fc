package com.leadhandoff.demo;

import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.capture.LeadSubmission;
import com.leadhandoff.deployment.ModelsDeployedEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadJournal;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.security.Groups;
import com.leadhandoff.teams.SalesTeams;
import com.leadhandoff.teams.TeamRepository;
import com.leadhandoff.teams.WorkingTime.Interval;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Creates the demo users and, on an empty database, the demo leads (through the real capture service). */
@Component
@Profile("demo")
public class DemoData {

  /** A demo user: id, names, and the groups it belongs to. */
  record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("anna", "Anna", "Schmidt", List.of("sales-emea")),
      new DemoUser("ben", "Ben", "Okafor", List.of("sales-emea")),
      new DemoUser("carla", "Carla", "Reyes", List.of("sales-americas")),
      new DemoUser("dave", "Dave", "Miller", List.of("sales-americas")),
      new DemoUser("maria", "Maria", "Rossi", List.of(Groups.SALES_MANAGERS)),
      new DemoUser("erik", "Erik", "Larsen", List.of()), // manages Sales EMEA (the team page), is no rep of it
      new DemoUser("sofia", "Sofia", "Alvarez", List.of()), // manages Sales Americas
      new DemoUser("mark", "Mark", "Chen", List.of(Groups.MARKETING)),
      new DemoUser("paula", "Paula", "Novak", List.of(Groups.PROCESS_OWNERS)),
      new DemoUser("webform", "Website", "Form", List.of(Groups.INTEGRATION)),
      new DemoUser("admin", "Demo", "Administrator", List.of(Groups.ADMINS)));

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private static final String[][] COMPANIES = {
      {"Northwind Software", "software", "DE", "450"}, {"Brightpath SaaS", "saas", "US", "220"},
      {"Kestrel Logistics", "logistics", "NL", "1800"}, {"Lumen Fintech", "fintech", "GB", "90"},
      {"Harbor Retail", "retail", "CA", "7000"}, {"Atlas Manufacturing", "manufacturing", "FR", "3200"},
      {"Pine Consulting", "professional services", "BR", "35"}, {"Orbit Labs", "software", "JP", "60"},
      {"Quill Education", "education", "US", "1200"}, {"Nordlicht Energie", null, "AT", null}};
  private static final String[] TITLES = {"VP Sales", "Chief Technology Officer", "Marketing Manager", "Director of Operations",
      "Head of Revenue", "Software Engineer", "Student", "Founder & CEO", null, "Procurement Manager"};
  private static final String[] SOURCES = {"web-form", "webinar", "event", "content-download", "paid-search", "referral", "partner"};
  private static final String[] TIMEFRAMES = {"within-3-months", "within-12-months", "no-plan", null};
  private static final String[] MEETINGS = {"product-demo", "pricing", "technical-deep-dive", null};
  private static final String[] ACTIVITY_TYPES = {"demo-request", "pricing-page-view", "webinar-attended", "content-download", "email-click"};
  private static final String[] CAMPAIGNS = {"2026-q4-webinar-pipeline", "2026-q4-paid-search-brand", "2026-autumn-expo", null};

  private final IdentityService identity;
  private final LeadCaptureService capture;
  private final LeadRepository leads;
  private final TaskService tasks;
  private final DemoProperties properties;
  private final Clock clock;
  private final TeamRepository teamSettings;
  private final SalesTeams teams;

  public DemoData(IdentityService identity, LeadCaptureService capture, LeadRepository leads, TaskService tasks,
      DemoProperties properties, TeamRepository teamSettings, SalesTeams teams, Clock clock) {
    this.clock = clock;
    this.teamSettings = teamSettings;
    this.teams = teams;
    this.identity = identity;
    this.capture = capture;
    this.leads = leads;
    this.tasks = tasks;
    this.properties = properties;
  }

  @EventListener(ModelsDeployedEvent.class)
  public void create() {
    USERS.forEach(this::user);
    if (teams.team("sales-emea").map(team -> team.managers().isEmpty()).orElse(false)) {
      teamSettings();
    }
    if (leads.count() == 0) {
      createLeads();
    }
  }

  /**
   * The teams as a manager would have set them up: EMEA works Monday to Thursday with a lunch break and short Fridays,
   * erik manages it, anna (senior, weight 2) takes two leads for every one of ben's, ben works from London; dave is
   * on holiday this week, so the routing ledger shows round-robin skipping him; sofia manages Sales Americas.
   */
  private void teamSettings() {
    List<Interval> longDay = List.of(new Interval(LocalTime.of(9, 0), LocalTime.of(12, 30)), new Interval(LocalTime.of(13, 30), LocalTime.of(17, 30)));
    Map<DayOfWeek, List<Interval>> emea = Map.of(DayOfWeek.MONDAY, longDay, DayOfWeek.TUESDAY, longDay, DayOfWeek.WEDNESDAY, longDay,
        DayOfWeek.THURSDAY, longDay, DayOfWeek.FRIDAY, List.of(new Interval(LocalTime.of(9, 0), LocalTime.of(14, 0))));
    teamSettings.saveTeam("sales-emea", "Sales EMEA", ZoneId.of("Europe/Berlin"), "DE-BE", emea, List.of("erik"), "demo");
    SalesTeams.Team americas = teams.team("sales-americas").orElseThrow();
    teamSettings.saveTeam(americas.id(), americas.name(), americas.zone(), americas.holidayRegion(), americas.week(), List.of("sofia"), "demo");
    LocalDate today = LocalDate.now(clock);
    teamSettings.saveCompanyDay("sales-emea", today.plusDays(30), "Sales offsite");
    teamSettings.saveRep(new TeamRepository.RepSettings("anna", true, 30, 2, null, 0), Map.of());
    teamSettings.saveRep(new TeamRepository.RepSettings("ben", true, null, 1, ZoneId.of("Europe/London"), 0), Map.of());
    teamSettings.addAbsence("dave", today.minusDays(1), today.plusDays(5), "Holiday", "demo");
  }

  private void user(DemoUser demo) {
    if (identity.createUserQuery().userId(demo.id()).count() > 0) {
      return;
    }
    User user = identity.newUser(demo.id());
    user.setFirstName(demo.firstName());
    user.setLastName(demo.lastName());
    user.setEmail(demo.id() + "@demo.leadhandoff.invalid");
    user.setPassword(properties.password());
    identity.saveUser(user);
    demo.groups().forEach(group -> identity.createMembership(demo.id(), group));
  }

  /** Varied leads; some are then claimed, some accepted, so every Tasklist filter shows work. */
  private void createLeads() {
    Random random = new Random(42); // the same demo on every machine
    for (int i = 0; i < properties.leads(); i++) {
      String[] company = COMPANIES[i % COMPANIES.length];
      LeadSubmission submission = new LeadSubmission(
          new LeadSubmission.Contact("contact" + i + "@" + company[0].toLowerCase().replace(' ', '-') + ".example",
              "Demo", "Contact " + i, TITLES[random.nextInt(TITLES.length)], String.format("+44 20 7946 0%03d", i % 1000)), // Ofcom's range for fiction
          new LeadSubmission.Company(company[0], company[3] == null ? null : Integer.valueOf(company[3]), company[1], company[2], null),
          SOURCES[random.nextInt(SOURCES.length)], CAMPAIGNS[random.nextInt(CAMPAIGNS.length)], null, null, random.nextBoolean(),
          TIMEFRAMES[random.nextInt(TIMEFRAMES.length)], MEETINGS[random.nextInt(MEETINGS.length)], activities(random));
      Lead lead = capture.capture(submission, "webform");
      advance(lead, i);
    }
    LOG.info("Created {} demo leads", properties.leads());
  }

  /** Up to four things the lead did in the last weeks. */
  private List<LeadSubmission.Activity> activities(Random random) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return IntStream.range(0, random.nextInt(5))
        .mapToObj(n -> new LeadSubmission.Activity(ACTIVITY_TYPES[random.nextInt(ACTIVITY_TYPES.length)],
            now.minusDays(random.nextInt(40)), null))
        .toList();
  }

  /** Round-robin assigned every routed lead; some are accepted, some rejected, some handed back to the team queue. */
  private void advance(Lead lead, int i) {
    Task accept = tasks.createTaskQuery().processInstanceBusinessKey(lead.id().toString()).taskDefinitionKey("Task_AcceptLead").singleResult();
    if (accept == null) {
      return; // nurtured, disqualified or in joint review
    }
    if (i % 5 == 2) {
      tasks.complete(accept.getId(), Map.of("decision", "accept"));
    } else if (i % 5 == 4) {
      tasks.complete(accept.getId(), Map.of("decision", "reject", "rejectionReason", "timing", "rejectionComment", "budget cycle starts in April"));
    } else if (i % 5 == 3) {
      tasks.setAssignee(accept.getId(), null);
    }
  }

}
