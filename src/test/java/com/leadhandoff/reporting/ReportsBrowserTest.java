package com.leadhandoff.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.Jobs;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.security.Groups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium (src/test/js/reports-e2e.mjs): a manager sees in Cockpit's "SLA breaches" plugin the breach
 * this test creates, and a marketing user and a process owner (paula, who may not use Tasklist) log in on the reports page
 * and find its charts drawn
 * (a second lead, rejected, gives the rejection chart its data). Screenshots: target/e2e-screenshots.
 */
class ReportsBrowserTest extends LeadScenario {

  @LocalServerPort int port;

  @Test
  void theManagerSeesTheBreachInCockpitAndMarketingSeesTheCharts() throws Exception {
    TestUsers.ensure(engine.getIdentityService(), "browser-manager", Groups.SALES_MANAGERS);
    TestUsers.ensure(engine.getIdentityService(), "browser-marketing", Groups.MARKETING);
    TestUsers.ensure(engine.getIdentityService(), "browser-emea-rep", "sales-emea");
    TestUsers.ensure(engine.getIdentityService(), "paula", Groups.PROCESS_OWNERS); // no Tasklist for process owners
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    clockAt(Date.from(LocalDateTime.parse("2026-12-08T10:00").atZone(berlin).toInstant()));
    String name = "Breach" + UUID.randomUUID().toString().substring(0, 8);
    Lead lead = TestLeads.gradeANamed(capture, name, "breach-" + UUID.randomUUID() + "@acme.example", "webinar", "browser-campaign",
        "demo-request");
    String instance = instanceOf(lead).getId();
    Lead rejected = TestLeads.gradeA(capture, "rejected-" + UUID.randomUUID() + "@acme.example", "webinar", "browser-campaign",
        "demo-request");
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(rejected.id().toString())
        .singleResult().getId(), Map.of("decision", "reject", "rejectionReason", "timing"));
    Jobs.travelTo(engine, instance, Date.from(LocalDateTime.parse("2026-12-08T11:01").atZone(berlin).toInstant()));
    ClockUtil.reset(); // the webapps run on real time

    Path screenshots = Path.of("target", "e2e-screenshots").toAbsolutePath();
    Process browser = new ProcessBuilder("node", "reports-e2e.mjs", "http://localhost:" + port, "browser-manager", "browser-marketing",
        TestUsers.PASSWORD, name, instance, "2026-12-01", "2026-12-31", screenshots.toString(), "paula")
        .directory(Path.of("src", "test", "js").toFile()).inheritIO().start();
    assertThat(browser.waitFor(180, TimeUnit.SECONDS)).as("the browser test finishes").isTrue();

    assertThat(browser.exitValue()).as("the browser test passed (see target/e2e-screenshots)").isZero();
    assertThat(Files.size(screenshots.resolve("cockpit-sla-breaches.png"))).isPositive();
    assertThat(Files.size(screenshots.resolve("reports-page.png"))).isPositive();
    assertThat(Files.size(screenshots.resolve("reports-page-process-owner.png"))).isPositive();
  }
}
