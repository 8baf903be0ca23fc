package com.leadhandoff.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import com.leadhandoff.outbox.NewMessage;
import com.leadhandoff.outbox.Outbox;
import com.leadhandoff.reporting.Reports;
import com.leadhandoff.security.Groups;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sales managers' morning digest ({@code lead-handoff.notifications.digest}): the open SLA breaches (as the
 * open-breaches report lists them) and the leads waiting to be accepted, with how many sit in a team queue with no rep.
 * Every node runs the schedule; each manager's digest of a day is written once (the outbox's dedupe key), by whichever
 * node comes first.
 */
@Component
public class DailyDigest {

  private static final int LISTED = 50;

  private final Notifications notifications;
  private final Templates templates;
  private final NotificationPreferences preferences;
  private final NotificationProperties properties;
  private final EmailChannel email;
  private final Reports reports;
  private final TaskService tasks;
  private final Outbox outbox;
  private final TransactionTemplate transaction;
  private final org.camunda.bpm.engine.IdentityService identity;

  /** The engine's clock (operations.EngineClock). */
  private final Clock time;

  public DailyDigest(Notifications notifications, Templates templates, NotificationPreferences preferences,
      NotificationProperties properties, EmailChannel email, Reports reports, TaskService tasks, Outbox outbox,
      TransactionTemplate transaction, org.camunda.bpm.engine.IdentityService identity, Clock time) {
    this.time = time;
    this.notifications = notifications;
    this.templates = templates;
    this.preferences = preferences;
    this.properties = properties;
    this.email = email;
    this.reports = reports;
    this.tasks = tasks;
    this.outbox = outbox;
    this.transaction = transaction;
    this.identity = identity;
  }

  @Scheduled(cron = "${lead-handoff.notifications.digest.cron:0 0 8 * * MON-FRI}", zone = "${lead-handoff.notifications.digest.zone:Europe/Berlin}")
  public void scheduled() {
    if (properties.digest().enabled()) {
      send();
    }
  }

  /** Writes today's digest for every sales manager who has not had it yet; returns how many messages were written. */
  public int send() {
    LocalDate today = OffsetDateTime.now(time).atZoneSameInstant(ZoneId.of(properties.digest().zone())).toLocalDate();
    List<Map<String, Object>> breaches = reports.openBreaches(java.util.Optional.empty(), java.util.Optional.empty()).rows();
    List<Task> waiting = tasks.createTaskQuery().taskDefinitionKey("Task_AcceptLead").orderByTaskCreateTime().asc().list();
    Map<String, String> values = new java.util.HashMap<>();
    values.put("openBreaches", Integer.toString(breaches.size()));
    values.put("breachList", breaches.isEmpty() ? "  none" : breaches.stream().limit(LISTED)
        .map(b -> "  " + b.get("lead") + ": " + b.get("sla") + " SLA, team " + b.get("team") + ", rep " + Notifications.text(b.get("rep"))
            + ", " + Notifications.text(b.get("lateBusinessHours")) + " business hours late")
        .collect(Collectors.joining("\n")));
    values.put("leadsWaiting", Integer.toString(waiting.size()));
    values.put("unassigned", Long.toString(waiting.stream().filter(t -> t.getAssignee() == null).count()));
    values.put("waitingList", waiting.isEmpty() ? "  none" : waiting.stream().limit(LISTED)
        .map(t -> "  " + t.getName() + " since " + t.getCreateTime().toInstant() + ", " + (t.getAssignee() == null ? "in the team queue"
            : "with " + t.getAssignee()) + ": " + notifications.taskUrl(t.getId()))
        .collect(Collectors.joining("\n")));
    values.put("tasklistUrl", notifications.tasklistUrl());
    int written = 0;
    for (Notifications.Recipient manager : notifications.membersOf(List.of(Groups.SALES_MANAGERS))) {
      var user = identity.createUserQuery().userId(manager.userId()).singleResult();
      if (!email.available() || !preferences.channels(manager.userId()).contains(EmailChannel.NAME) || user.getEmail() == null
          || user.getEmail().isBlank()) {
        continue;
      }
      values.put("manager", user.getFirstName() == null ? user.getId() : user.getFirstName());
      Templates.Rendered digest = templates.render("digest", values);
      try {
        transaction.executeWithoutResult(status -> outbox.enqueue(NewMessage.of(EmailChannel.NAME, user.getEmail(), "digest", null,
            digest.subject(), digest.text()).withHtml(digest.html()).once("digest/" + today + "/" + manager.userId())));
        written++;
      } catch (DuplicateKeyException sentByAnotherNode) {
        // that manager's digest of today is already in the outbox
      }
    }
    return written;
  }
}
