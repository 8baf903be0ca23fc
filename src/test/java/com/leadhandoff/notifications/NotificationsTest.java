package com.leadhandoff.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.Await;
import com.leadhandoff.Jobs;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.outbox.OutboxScenario;
import com.leadhandoff.outbox.Receiver;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rep knows at once: the assignment email (text and HTML, the lead's essentials, when it is due and why, the link to
 * the Tasklist task) arrives at a real SMTP server within seconds of a capture through the API; the SLA warning and the
 * breach mails arrive as the engine's clock reaches them; a rep who chose Slack hears it in the team's channel; a
 * manager gets the breach and the morning digest.
 */
class NotificationsTest extends OutboxScenario {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Duration SECONDS = Duration.ofSeconds(10);

  @LocalServerPort int port;
  @Autowired DailyDigest digest;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  static Date berlin(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant());
  }

  private Task acceptTask(UUID leadId) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(leadId.toString()).taskDefinitionKey("Task_AcceptLead")
        .singleResult();
  }

  private static MimeMessage mailAbout(String address, String subjectPart) {
    return Await.until("an email to " + address + " about '" + subjectPart + "'", SECONDS, () -> mailTo(address).stream()
        .filter(m -> subject(m).contains(subjectPart)).findFirst().orElse(null));
  }

  @Test
  void theAssignedRepGetsAnEmailWithTheTaskLinkWithinSecondsOfTheCapture() throws Exception {
    String company = "Notify " + UUID.randomUUID().toString().substring(0, 6);
    ApiClient.Response created = new ApiClient(port).post("/api/leads", "notify-webform", TestUsers.PASSWORD, """
        {"contact": {"email": "jane-%s@notify.example", "firstName": "Jane", "lastName": "Doe", "title": "VP Engineering", "phone": "+44 20 7946 0000"},
         "company": {"name": "%s", "size": 800, "industry": "software", "country": "DE"},
         "source": "webinar", "campaign": "2026-q4-webinar", "activities": [{"type": "demo-request"}]}"""
        .formatted(UUID.randomUUID(), company));
    assertThat(created.status()).isEqualTo(201);
    long capturedAt = System.nanoTime();
    UUID leadId = UUID.fromString(created.json().get("id").asText());
    Task task = acceptTask(leadId);
    assertThat(task.getAssignee()).startsWith("notify-rep-");

    MimeMessage mail = mailAbout(task.getAssignee() + "@reps.example", company);
    assertThat(Duration.ofNanos(System.nanoTime() - capturedAt)).as("within seconds of the capture").isLessThan(SECONDS);
    assertThat(subject(mail)).startsWith("New lead for you: Jane Doe (" + company + "), accept by ");
    String taskLink = "https://leads.example.com/camunda/app/tasklist/default/#/?task=" + task.getId();
    String text = part(mail, "text/plain");
    assertThat(text).contains("Hello " + task.getAssignee()).contains("Jane Doe, VP Engineering at " + company + " (DE)")
        .contains("phone +44 20 7946 0000").contains("Came from webinar, campaign 2026-q4-webinar")
        .contains("When it is due and why: due ").contains("business hour").contains(taskLink);
    assertThat(part(mail, "text/html")).contains("<a href=\"" + taskLink + "\">").contains("Jane Doe, VP Engineering at " + company);
    assertThat(mail.getMessageID()).as("the outbox message's id").matches("<[0-9a-f-]{36}@lead-handoff>");
  }

  @Test
  void theWarningGoesToTheRepAndTheBreachToTheRepAndTheManagers() throws Exception {
    clockAt(berlin("2026-12-01T10:00"));
    Lead lead = TestLeads.gradeAAtOwnCompany(capture, "warned", "webinar", null, "demo-request");
    String rep = acceptTask(lead.id()).getAssignee();
    String repMail = rep + "@reps.example";
    mailAbout(repMail, "New lead for you: " + lead.contact().email());

    Jobs.travelTo(engine, instanceOf(lead).getId(), berlin("2026-12-01T10:46"));
    MimeMessage warning = mailAbout(repMail, "Reminder: " + lead.contact().email());
    assertThat(subject(warning)).isEqualTo("Reminder: " + lead.contact().email() + " (" + lead.company().companyName() + ") is due Tue 1 Dec 11:00 Berlin time");
    assertThat(part(warning, "text/plain")).contains("the accept SLA of this lead ends Tue 1 Dec 11:00 Berlin time")
        .contains("When it is due and why: due Tue 1 Dec 11:00 Berlin time: 1 business hour from Tue 1 Dec 10:00");

    Jobs.travelTo(engine, instanceOf(lead).getId(), berlin("2026-12-01T11:01"));
    for (String address : List.of(repMail, "notify-manager@reps.example")) {
      MimeMessage breach = mailAbout(address, "SLA missed: " + lead.contact().email());
      assertThat(part(breach, "text/plain")).contains("The accept SLA of this lead was due Tue 1 Dec 11:00 Berlin time and has been missed: "
          + "ACCEPT SLA missed by 1 min (team sales-emea, rep " + rep + ")");
    }
  }

  @Test
  void managersHearOfAnEscalationMarketingOfARejectionToReviewAndBothOfAGreyCase() throws Exception {
    user("notify-marketer", "marketing");
    clockAt(berlin("2026-12-10T10:00"));
    Lead escalated = TestLeads.gradeAAtOwnCompany(capture, "escalated", "webinar", null, "demo-request");
    Jobs.travelTo(engine, instanceOf(escalated).getId(), berlin("2026-12-10T11:01"));
    Jobs.travelTo(engine, instanceOf(escalated).getId(), berlin("2026-12-10T12:02"));
    Task escalation = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(escalated.id().toString())
        .taskDefinitionKey("Task_EscalateToManager").singleResult();
    assertThat(part(mailAbout("notify-manager@reps.example", "Escalated to you: " + escalated.contact().email()), "text/plain"))
        .contains("#/?task=" + escalation.getId());

    Lead rejected = TestLeads.gradeAAtOwnCompany(capture, "rejected", "webinar", null, "demo-request");
    engine.getTaskService().complete(acceptTask(rejected.id()).getId(),
        Map.of("decision", "reject", "rejectionReason", "too-small", "rejectionComment", "a team of three"));
    Jobs.runDue(engine, instanceOf(rejected).getId());
    Task review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(rejected.id().toString()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewRejection");
    assertThat(part(mailAbout("notify-marketer@reps.example", "Sales rejected " + rejected.contact().email()), "text/plain"))
        .contains("(a team of three)").contains("#/?task=" + review.getId());

    Lead grey = capture.capture(new com.leadhandoff.capture.LeadSubmission(new com.leadhandoff.capture.LeadSubmission.Contact(
        "grey-" + UUID.randomUUID() + "@bigcorp.example", null, null, null, null), new com.leadhandoff.capture.LeadSubmission.Company(
        "Bigcorp", 6000, "mining", "JP", null), "event", null, null, null, false, null, null,
        java.util.stream.Stream.of("demo-request", "pricing-page-view", "pricing-page-view", "pricing-page-view", "webinar-attended")
            .map(type -> new com.leadhandoff.capture.LeadSubmission.Activity(type, null, null)).toList()), "test");
    for (String address : List.of("notify-marketer@reps.example", "notify-manager@reps.example")) {
      assertThat(part(mailAbout(address, "Grey case to decide together: " + grey.contact().email()), "text/plain")).contains("Bigcorp");
    }
  }

  @Test
  void aWarningThatFallsDueOutsideTheRepsWorkingTimeWaitsForTheNextWorkingHour() {
    clockAt(berlin("2026-12-09T10:00"));
    Lead lead = TestLeads.gradeAAtOwnCompany(capture, "late-warned", "webinar", null, "demo-request");
    // the node was down all afternoon: the warning timer (due 10:45) runs at 18:30, after the team's closing time
    Jobs.travelTo(engine, instanceOf(lead).getId(), berlin("2026-12-09T18:30"));
    Date waitsUntil = jdbc.sql("select next_attempt_at from outbox_messages where lead_id = :lead and event_type = 'sla-warning'")
        .param("lead", lead.id()).query(java.time.OffsetDateTime.class).optional().map(at -> Date.from(at.toInstant())).orElse(null);
    assertThat(waitsUntil).as("Thursday 09:00, when Sales EMEA opens").isEqualTo(berlin("2026-12-10T09:00"));
  }

  @Test
  void aRepWhoChoseSlackHearsItInTheTeamsChannelAndNoLongerByEmail() {
    ApiClient api = new ApiClient(port);
    for (String rep : List.of("notify-rep-1", "notify-rep-2")) {
      ApiClient.Response saved = api.send("PUT", "/api/notifications/preferences", rep, TestUsers.PASSWORD, "{\"channels\": [\"slack\"]}", Map.of());
      assertThat(saved.status()).isEqualTo(200);
      assertThat(saved.json().get("channels").toString()).isEqualTo("[\"slack\"]");
    }
    try {
      clockAt(berlin("2026-12-02T10:00"));
      Lead lead = TestLeads.gradeAAtOwnCompany(capture, "slacked", "webinar", null, "demo-request");
      String rep = acceptTask(lead.id()).getAssignee();
      Receiver.Request post = Await.until("a post in #sales-emea", SECONDS, () -> HTTP.received("/slack/sales-emea").stream()
          .filter(r -> r.body().contains(lead.company().companyName())).findFirst().orElse(null));
      assertThat(post.body()).startsWith("{\"text\":\"New lead for you: ").contains("(for " + rep + ")")
          .contains("/camunda/app/tasklist/default/#/?task=" + acceptTask(lead.id()).getId());
      assertThat(mailTo(rep + "@reps.example")).noneMatch(m -> subject(m).contains(lead.company().companyName()));
    } finally {
      for (String rep : List.of("notify-rep-1", "notify-rep-2")) {
        api.send("PUT", "/api/notifications/preferences", rep, TestUsers.PASSWORD, "{\"channels\": [\"email\"]}", Map.of());
      }
    }
  }

  @Test
  void anUnknownChannelIsRefusedWithProblemDetails() {
    ApiClient.Response refused = new ApiClient(port).send("PUT", "/api/notifications/preferences", "notify-rep-1", TestUsers.PASSWORD,
        "{\"channels\": [\"email\", \"pager\"]}", Map.of());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("channels[1]");
    assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("unknown channel 'pager'");
  }

  @Test
  void managersGetTheMorningDigestOfOpenBreachesAndLeadsWaitingOncePerDay() throws Exception {
    clockAt(berlin("2026-12-03T10:00"));
    Lead lead = TestLeads.gradeAAtOwnCompany(capture, "digested", "webinar", null, "demo-request");
    Jobs.travelTo(engine, instanceOf(lead).getId(), berlin("2026-12-03T11:01"));
    clockAt(berlin("2026-12-04T08:00"));
    assertThat(digest.send()).isEqualTo(1);
    assertThat(digest.send()).as("a second node (or run) the same day writes nothing").isZero();
    MimeMessage mail = mailAbout("notify-manager@reps.example", "Lead hand-off today: ");
    assertThat(part(mail, "text/plain")).contains("Open SLA breaches").contains(lead.company().companyName() + ": ACCEPT SLA, team sales-emea")
        .contains("Leads waiting to be accepted");
  }
}
