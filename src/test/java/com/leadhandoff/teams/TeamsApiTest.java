package com.leadhandoff.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.handoff.RepAssignment;
import com.leadhandoff.sla.BusinessCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Managers run their team through /api/teams: who may change what (403 otherwise), every bad field named (400), the
 * public holidays of the team's region from the library, a rep's own out of office, and the audit of each change.
 */
@LeadHandoffTest
class TeamsApiTest {

  static final String ADMIN = "test-admin";
  static final String ADMIN_PASSWORD = "test-admin-password";
  static final String PW = TestUsers.PASSWORD;
  static final String WEEKDAYS = """
      {"MONDAY": [{"opens": "09:00", "closes": "17:00"}], "TUESDAY": [{"opens": "09:00", "closes": "17:00"}],
       "WEDNESDAY": [{"opens": "09:00", "closes": "17:00"}], "THURSDAY": [{"opens": "09:00", "closes": "17:00"}],
       "FRIDAY": [{"opens": "09:00", "closes": "17:00"}]}""";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired SalesTeams teams;
  @Autowired RepAssignment assignment;
  @Autowired TeamRepository repository;
  @Autowired com.leadhandoff.sla.TeamCalendarHealth health;
  @Autowired java.time.Clock clock;
  ApiClient api;

  @BeforeEach
  void teams() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, "tm-north");
    TestUsers.ensure(identity, "tm-south");
    ApiClient.Response north = put("/api/teams/team-north", ADMIN, ADMIN_PASSWORD, team("Team North", "Europe/Berlin", "DE-BY", WEEKDAYS, "tm-north"));
    assertThat(north.status()).as(north.raw().body()).isEqualTo(200);
    assertThat(put("/api/teams/team-south", ADMIN, ADMIN_PASSWORD, team("Team South", "Europe/Berlin", "DE-BE", WEEKDAYS, "tm-south")).status())
        .isEqualTo(200);
    TestUsers.ensure(identity, "north-rep-1", "team-north");
    TestUsers.ensure(identity, "north-rep-2", "team-north");
  }

  static String team(String name, String zone, String region, String hours, String manager) {
    return "{\"name\": \"" + name + "\", \"timeZone\": \"" + zone + "\", \"holidayRegion\": \"" + region + "\", \"workingHours\": " + hours
        + ", \"managers\": [\"" + manager + "\"]}";
  }

  ApiClient.Response put(String path, String user, String password, String json) {
    return api.send("PUT", path, user, password, json, Map.of());
  }

  static List<String> fields(ApiClient.Response response) {
    List<String> fields = new ArrayList<>();
    response.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
    return fields;
  }

  @Test
  void aManagerOfAnotherTeamIsRefusedWith403AndTheTeamsOwnManagerMayChangeIt() {
    String shortFridays = WEEKDAYS.replace("\"FRIDAY\": [{\"opens\": \"09:00\", \"closes\": \"17:00\"}]",
        "\"FRIDAY\": [{\"opens\": \"09:00\", \"closes\": \"13:00\"}]");
    ApiClient.Response other = put("/api/teams/team-north", "tm-south", PW, team("Team North", "Europe/Berlin", "DE-BY", shortFridays, "tm-north"));
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.header("Content-Type")).startsWith("application/problem+json");
    assertThat(other.json().path("detail").asText()).contains("tm-south does not manage team team-north");
    assertThat(api.post("/api/teams/team-north/company-days", "tm-south", PW, "{\"date\": \"2028-03-01\", \"name\": \"Offsite\"}").status())
        .isEqualTo(403);
    assertThat(put("/api/teams/team-north/reps/north-rep-1", "tm-south", PW, "{\"weight\": 2}").status()).isEqualTo(403);
    assertThat(api.post("/api/teams/team-north/reps/north-rep-1/absences", "north-rep-2", PW, "{\"starts\": \"2028-03-01\"}").status())
        .as("a rep sets only their own out of office").isEqualTo(403);
    assertThat(teams.workingTime("team-north").hours()).as("nothing changed").isEqualTo("09:00-17:00");

    assertThat(put("/api/teams/team-north", "tm-north", PW, team("Team North", "Europe/Berlin", "DE-BY", shortFridays, "tm-north")).status())
        .isEqualTo(200);
    assertThat(teams.workingTime("team-north").hours()).isEqualTo("Mon-Thu 09:00-17:00, Fri 09:00-13:00");
    assertThat(put("/api/teams/team-north", "tm-north", PW, team("Team North", "Europe/Berlin", "DE-BY", shortFridays, "tm-south")).status())
        .as("who manages a team is for the managers' group and administrators").isEqualTo(403);

    JsonNode audit = api.get("/api/teams/team-north/audit", "tm-north", PW).json();
    assertThat(audit.get(0).path("changedBy").asText()).isEqualTo("tm-north");
    assertThat(audit.get(0).path("change").asText()).isEqualTo("changed the team's settings");
    assertThat(audit.get(0).path("details").asText()).contains("working hours Mon-Thu 09:00-17:00, Fri 09:00-13:00");
    assertThat(audit.get(0).path("changedAt").asText()).isNotBlank();
  }

  @Test
  void overlappingIntervalsClosingBeforeOpeningAnUnknownRegionAndAWeightBelowOneAreRefusedNamingTheField() {
    ApiClient.Response overlapping = put("/api/teams/team-north", "tm-north", PW, team("Team North", "Europe/Berlin", "DE-BY",
        "{\"MONDAY\": [{\"opens\": \"09:00\", \"closes\": \"13:00\"}, {\"opens\": \"12:00\", \"closes\": \"17:00\"}]}", "tm-north"));
    assertThat(overlapping.status()).isEqualTo(400);
    assertThat(fields(overlapping)).containsExactly("workingHours.MONDAY");
    assertThat(overlapping.json().path("errors").get(0).path("message").asText()).isEqualTo("intervals overlap: 09:00-13:00 and 12:00-17:00");

    ApiClient.Response closingFirst = put("/api/teams/team-north", "tm-north", PW, team("Team North", "Europe/Berlin", "DE-BY",
        "{\"TUESDAY\": [{\"opens\": \"17:00\", \"closes\": \"09:00\"}]}", "tm-north"));
    assertThat(closingFirst.status()).isEqualTo(400);
    assertThat(fields(closingFirst)).contains("workingHours.TUESDAY[0].closes");

    ApiClient.Response region = put("/api/teams/team-north", "tm-north", PW, team("Team North", "Europe/Berlin", "DE-XX", WEEKDAYS, "tm-north"));
    assertThat(region.status()).isEqualTo(400);
    assertThat(fields(region)).containsExactly("holidayRegion");
    assertThat(region.json().path("errors").get(0).path("message").asText()).startsWith("unknown region 'DE-XX'").contains("DE-BY");

    ApiClient.Response weight = put("/api/teams/team-north/reps/north-rep-1", "tm-north", PW, "{\"weight\": 0}");
    assertThat(weight.status()).isEqualTo(400);
    assertThat(fields(weight)).containsExactly("weight");
    assertThat(put("/api/teams/team-north/reps/north-rep-1", "tm-north", PW, "{\"weight\": -1, \"capacity\": -2}").json().path("errors"))
        .hasSize(2);

    assertThat(teams.workingTime("team-north").hours()).as("nothing of a refused request is stored").isEqualTo("09:00-17:00");
    assertThat(teams.team("team-north").orElseThrow().holidayRegion()).isEqualTo("DE-BY");
  }

  @Test
  void aBavarianHolidayCountsForTheTeamInDeBYOnly() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    var wednesdayEvening = LocalDateTime.parse("2028-06-14T16:30").atZone(berlin).toInstant(); // Thu 15 Jun 2028: Corpus Christi
    BusinessCalendar.Due bavaria = BusinessCalendar.add(teams.workingTime("team-north"), wednesdayEvening, Duration.ofHours(1));
    BusinessCalendar.Due berlinDue = BusinessCalendar.add(teams.workingTime("team-south"), wednesdayEvening, Duration.ofHours(1));

    assertThat(bavaria.at()).isEqualTo(LocalDateTime.parse("2028-06-16T09:30").atZone(berlin).toInstant());
    assertThat(bavaria.explanation()).contains("Thu 15 Jun skipped (Corpus Christi)");
    assertThat(berlinDue.at()).isEqualTo(LocalDateTime.parse("2028-06-15T09:30").atZone(berlin).toInstant());
    assertThat(berlinDue.explanation()).doesNotContain("Corpus Christi");

    JsonNode library = api.get("/api/teams/holidays/DE-BY/2028", "tm-north", PW).json();
    assertThat(library.findValuesAsText("name")).contains("Corpus Christi", "Epiphany", "1st Christmas day");
  }

  @Test
  void aRepsOwnOutOfOfficeTakesThemOutOfTheRotationAndTheLedgerSaysWhy() {
    LocalDate today = OffsetDateTime.now(clock).atZoneSameInstant(ZoneId.of("Europe/Berlin")).toLocalDate();
    ApiClient.Response away = api.post("/api/teams/team-north/reps/north-rep-1/absences", "north-rep-1", PW,
        "{\"starts\": \"" + today + "\", \"ends\": \"" + today.plusDays(4) + "\", \"note\": \"Trade fair\"}");
    assertThat(away.status()).as(away.raw().body()).isEqualTo(200);
    assertThat(away.json().path("setBy").asText()).isEqualTo("north-rep-1");

    for (int i = 0; i < 3; i++) {
      RepAssignment.Choice choice = assignment.rotate("team-north", null, null);
      assertThat(choice.rep()).isEqualTo("north-rep-2");
      assertThat(choice.reason()).contains("north-rep-1 (out of office until " + today.plusDays(4) + ")");
    }
    ApiClient.Response ends = api.post("/api/teams/team-north/reps/north-rep-1/absences", "north-rep-1", PW,
        "{\"starts\": \"" + today + "\", \"ends\": \"" + today.minusDays(1) + "\"}");
    assertThat(fields(ends)).containsExactly("ends");
    assertThat(api.get("/api/teams/team-north/audit", "tm-north", PW).json().get(0).path("change").asText())
        .isEqualTo("set north-rep-1 out of office");
  }

  @Test
  void theHealthWarnsWhenATeamHasNoWorkingTimeInTheNextTwelveMonths() {
    assertThat(put("/api/teams/team-idle", ADMIN, ADMIN_PASSWORD, team("Team Idle", "Europe/Berlin", "DE", "{\"MONDAY\": [{\"opens\": \"09:00\", "
        + "\"closes\": \"10:00\"}]}", "tm-north")).status()).isEqualTo(200);
    LocalDate monday = OffsetDateTime.now(clock).toLocalDate().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    List<LocalDate> mondays = new ArrayList<>();
    for (LocalDate day = monday; day.isBefore(monday.plusDays(372)); day = day.plusWeeks(1)) {
      mondays.add(day);
      repository.saveCompanyDay("team-idle", day, "Closed");
    }
    try {
      org.springframework.boot.actuate.health.Health warned = health.health();
      assertThat(warned.getStatus().getCode()).isEqualTo("WARNING");
      assertThat(warned.getDetails().get("noWorkingTimeInTheNext12Months")).isEqualTo(List.of("team-idle"));
    } finally {
      mondays.forEach(day -> repository.deleteCompanyDay("team-idle", day));
    }
    assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
  }

  @Test
  void aRepInLondonOnTheBerlinTeamCountsTheirSlasInTheirOwnHoursAndZoneWithTheTeamsHolidays() {
    ApiClient.Response own = put("/api/teams/team-north/reps/north-rep-2", "tm-north", PW,
        "{\"timeZone\": \"Europe/London\", \"workingHours\": " + WEEKDAYS.replace("09:00", "08:00").replace("17:00", "16:00") + "}");
    assertThat(own.status()).as(own.raw().body()).isEqualTo(200);
    var london = teams.workingTime("team-north", "north-rep-2");
    assertThat(london.zone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(london.hours()).isEqualTo("08:00-16:00");
    assertThat(london.dayOff(LocalDate.parse("2028-06-15"))).as("the team's Bavarian holidays").isEqualTo("Corpus Christi");
    assertThat(teams.workingTime("team-north", "north-rep-1").zone()).as("a rep without own hours").isEqualTo(ZoneId.of("Europe/Berlin"));

    assertThat(put("/api/teams/team-north/reps/north-rep-2", "tm-north", PW, "{\"timeZone\": \"\", \"workingHours\": {}}").status())
        .isEqualTo(200);
    assertThat(teams.workingTime("team-north", "north-rep-2").zone()).as("back to the team's").isEqualTo(ZoneId.of("Europe/Berlin"));
  }
}
