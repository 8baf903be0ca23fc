package com.leadhandoff.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.lead.Lead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium (src/test/js/teams-e2e.mjs) a team's own manager runs the team on the team page; what the page
 * did is then checked here, in the tables. Screenshots: target/e2e-screenshots/teams-*.png.
 */
class TeamsBrowserTest extends LeadScenario {

  @LocalServerPort int port;
  @Autowired SalesTeams teams;
  @Autowired TeamRepository reps;

  @Test
  void aTeamManagerRunsTheirTeamOnTheTeamPage() throws Exception {
    var identity = engine.getIdentityService();
    TestUsers.ensure(identity, "page-manager");
    ApiClient.Response created = new ApiClient(port).send("PUT", "/api/teams/team-page", "test-admin", "test-admin-password", """
        {"name": "Team Page", "timeZone": "Europe/Berlin", "holidayRegion": "DE-BE", "managers": ["page-manager"],
         "workingHours": {"MONDAY": [{"opens": "09:00", "closes": "17:00"}], "FRIDAY": [{"opens": "09:00", "closes": "17:00"}]}}""",
        Map.of());
    assertThat(created.status()).as(created.raw().body()).isEqualTo(200);
    for (String rep : new String[] {"page-senior", "page-leaver", "page-peer"}) {
      TestUsers.ensure(identity, rep, "team-page");
    }
    Lead lead = TestLeads.gradeA(capture, "page-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult();
    engine.getTaskService().setAssignee(task.getId(), "page-leaver");

    Path screenshots = Path.of("target", "e2e-screenshots").toAbsolutePath();
    Process browser = new ProcessBuilder("node", "teams-e2e.mjs", "http://localhost:" + port, "page-manager", TestUsers.PASSWORD,
        "team-page", "page-senior", "page-leaver", screenshots.toString())
        .directory(Path.of("src", "test", "js").toFile()).inheritIO().start();
    assertThat(browser.waitFor(180, TimeUnit.SECONDS)).as("the browser test finishes").isTrue();
    assertThat(browser.exitValue()).as("the browser test passed (see target/e2e-screenshots)").isZero();

    assertThat(teams.workingTime("team-page").hours()).isEqualTo("Mon 09:00-12:30, 13:30-17:00, Fri 09:00-13:00");
    assertThat(teams.team("team-page").orElseThrow().companyDays()).containsEntry(java.time.LocalDate.parse("2030-06-14"), "Summer offsite");
    assertThat(reps.rep("page-senior").weight()).isEqualTo(2);
    assertThat(reps.rep("page-leaver").active()).isFalse();
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isIn("page-senior", "page-peer");
    assertThat(Files.size(screenshots.resolve("teams-page.png"))).isPositive();
  }
}
