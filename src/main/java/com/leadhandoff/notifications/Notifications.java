package com.leadhandoff.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import com.leadhandoff.teams.SalesTeams;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.lead.LeadStageReached;
import com.leadhandoff.outbox.NewMessage;
import com.leadhandoff.outbox.Outbox;
import com.leadhandoff.security.Groups;
import com.leadhandoff.sla.BusinessCalendar;
import com.leadhandoff.sla.SlaClockRecord;
import com.leadhandoff.sla.SlaRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears of what, decided in one place from the engine's own events: a task created (the assigned rep's accept
 * task, a manager's escalation, marketing's rejection review, both teams' grey case) and a lead's stage (SLA warning:
 * the rep; breach: the rep and the sales managers). Each notice is rendered from its templates and written to the
 * outbox in the engine's transaction, once per recipient and channel they chose (a chat post once per group channel).
 */
@Component
public class Notifications {

  /** Who a notice is for, and the group whose chat channel they read (their sales team, sales-managers, marketing). */
  record Recipient(String userId, String group) {}

  private final Outbox outbox;
  private final Templates templates;
  private final NotificationPreferences preferences;
  private final NotificationProperties properties;
  private final IdentityService identity;
  private final TaskService tasks;
  private final LeadRepository leads;
  private final SlaRepository slas;
  private final SalesTeams teams;
  private final EmailChannel email;
  private final Map<String, ChatChannel> chats = new LinkedHashMap<>();

  /** The engine's clock (operations.EngineClock). */
  private final Clock time;

  public Notifications(Outbox outbox, Templates templates, NotificationPreferences preferences, NotificationProperties properties,
      IdentityService identity, TaskService tasks, LeadRepository leads, SlaRepository slas, SalesTeams teams, EmailChannel email,
      List<ChatChannel> chats, Clock time) {
    this.time = time;
    this.outbox = outbox;
    this.templates = templates;
    this.preferences = preferences;
    this.properties = properties;
    this.identity = identity;
    this.tasks = tasks;
    this.leads = leads;
    this.slas = slas;
    this.teams = teams;
    this.email = email;
    chats.forEach(chat -> this.chats.put(chat.name(), chat));
  }

  /** Whether any channel can carry a notice here: a mail server (or the demo mailbox), or a chat channel. */
  private boolean anyChannel() {
    return email.available() || !properties.slack().isEmpty() || !properties.teams().isEmpty();
  }

  @EventListener(condition = "#task.eventName == 'create'")
  public void taskCreated(DelegateTask task) {
    if (!anyChannel()) {
      return;
    }
    String kind = switch (task.getTaskDefinitionKey()) {
      case "Task_AcceptLead" -> task.getAssignee() == null ? null : "assigned";
      case "Task_EscalateToManager", "Task_EscalateFirstContact" -> "escalated";
      case "Task_ReviewRejection" -> "rejection-review";
      case "Task_JointReview" -> "grey-case";
      default -> null;
    };
    if (kind == null) {
      return;
    }
    UUID leadId = UUID.fromString(task.getExecution().getProcessBusinessKey());
    List<Recipient> recipients = kind.equals("assigned") ? List.of(new Recipient(task.getAssignee(), (String) task.getVariable("team")))
        : membersOf(candidateGroups(task));
    Map<String, String> values = leadValues(leadId);
    values.put("taskName", task.getName());
    values.put("taskUrl", taskUrl(task.getId()));
    values.put("rep", text(task.getAssignee()));
    values.put("dueAt", task.getDueDate() == null ? "-" : when(task.getDueDate().toInstant(), values.get("team")));
    values.put("dueExplained", text(slas.clocks(leadId).stream().reduce((first, last) -> last).map(SlaClockRecord::explanation).orElse(null)));
    values.put("reason", reason(task, values.get("mqlReason")));
    send(kind, leadId, values, recipients, null);
  }

  @EventListener
  public void reached(LeadStageReached event) {
    if ((event.stage() != LeadStage.SLA_WARNING && event.stage() != LeadStage.SLA_BREACHED) || !anyChannel()) {
      return;
    }
    SlaClockRecord clock = slas.clocks(event.leadId()).stream().filter(c -> c.metAt() == null).reduce((first, last) -> last).orElse(null);
    if (clock == null) {
      return;
    }
    Map<String, String> values = leadValues(event.leadId());
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(event.leadId().toString()).taskDefinitionKey(clock.sla().task())
        .singleResult();
    values.put("taskName", task == null ? "-" : task.getName());
    values.put("taskUrl", task == null ? tasklistUrl() : taskUrl(task.getId()));
    values.put("rep", text(event.actor()));
    values.put("sla", clock.sla() == com.leadhandoff.sla.Sla.ACCEPT ? "accept" : "first contact");
    values.put("dueAt", when(clock.dueAt().toInstant(), clock.team()));
    values.put("dueExplained", text(clock.explanation()));
    values.put("reason", text(event.detail()));
    List<Recipient> recipients = new ArrayList<>();
    if (event.actor() != null) {
      recipients.add(new Recipient(event.actor(), clock.team()));
    }
    if (event.stage() == LeadStage.SLA_WARNING) {
      Instant notBefore = properties.warningsInWorkingTime()
          ? BusinessCalendar.add(event.actor() == null ? teams.workingTime(clock.team())
          : teams.workingTime(clock.team(), event.actor()), OffsetDateTime.now(time).toInstant(), Duration.ZERO).at() : null;
      send("sla-warning", event.leadId(), values, recipients, notBefore);
    } else {
      recipients.addAll(membersOf(List.of(Groups.SALES_MANAGERS)));
      send("sla-breached", event.leadId(), values, recipients, null);
    }
  }

  /** Renders the notice and writes one message per recipient's email and one per chat channel any recipient chose. */
  void send(String kind, UUID leadId, Map<String, String> values, List<Recipient> recipients, Instant notBefore) {
    Templates.Rendered notice = templates.render(kind, values);
    Map<String, Set<String>> chatGroups = new LinkedHashMap<>(); // "slack/sales-emea" -> who reads it there
    Set<String> emailed = new LinkedHashSet<>();
    for (Recipient recipient : recipients) {
      List<String> channels = preferences.channels(recipient.userId());
      User user = identity.createUserQuery().userId(recipient.userId()).singleResult();
      if (user == null) {
        continue;
      }
      if (channels.contains(EmailChannel.NAME) && email.available() && user.getEmail() != null && !user.getEmail().isBlank()
          && emailed.add(user.getEmail())) {
        outbox.enqueue(NewMessage.of(EmailChannel.NAME, user.getEmail(), kind, leadId, notice.subject(), notice.text())
            .withHtml(notice.html()).notBefore(notBefore));
      }
      for (ChatChannel chat : chats.values()) {
        if (channels.contains(chat.name()) && recipient.group() != null && chat.hasChannel(recipient.group())) {
          chatGroups.computeIfAbsent(chat.name() + "/" + recipient.group(), key -> new LinkedHashSet<>()).add(recipient.userId());
        }
      }
    }
    chatGroups.forEach((key, readers) -> {
      String[] chatAndGroup = key.split("/", 2);
      String text = notice.subject() + " (for " + String.join(", ", readers) + ")\n" + values.getOrDefault("taskUrl", tasklistUrl());
      outbox.enqueue(NewMessage.of(chatAndGroup[0], chatAndGroup[1], kind, leadId, notice.subject(), text).notBefore(notBefore));
    });
  }

  /** The lead's essentials as the templates name them; what is unknown shows as "-". */
  Map<String, String> leadValues(UUID leadId) {
    Lead lead = leads.find(leadId).orElseThrow(() -> new IllegalStateException("No lead " + leadId));
    Map<String, String> values = new LinkedHashMap<>();
    String name = ((lead.contact().firstName() == null ? "" : lead.contact().firstName()) + " " + (lead.contact().lastName() == null ? "" : lead.contact().lastName())).trim();
    values.put("leadId", leadId.toString());
    values.put("leadName", name.isEmpty() ? lead.contact().email() : name);
    values.put("title", text(lead.contact().title()));
    values.put("company", text(lead.company().companyName()));
    values.put("email", text(lead.contact().email()));
    values.put("phone", text(lead.contact().phone()));
    values.put("country", text(lead.company().country()));
    values.put("source", text(lead.attribution().source()));
    values.put("campaign", text(lead.attribution().campaign()));
    values.put("priority", text(lead.progress().priority()));
    values.put("fitGrade", text(lead.progress().fitGrade()));
    values.put("team", text(lead.progress().team()));
    values.put("mqlReason", text(lead.progress().mqlReason()));
    values.put("tasklistUrl", tasklistUrl());
    return values;
  }

  private String reason(DelegateTask task, String mqlReason) {
    Object rejection = task.getVariable("rejectionReasonLabel") != null ? task.getVariable("rejectionReasonLabel")
        : task.getVariable("rejectionReason");
    if (rejection != null) {
      Object comment = task.getVariable("rejectionComment");
      return "rejected by " + text(task.getVariable("rejectedBy")) + ": " + rejection + (comment == null ? "" : " (" + comment + ")");
    }
    return mqlReason;
  }

  private List<String> candidateGroups(DelegateTask task) {
    return task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).distinct().toList();
  }

  List<Recipient> membersOf(List<String> groups) {
    List<Recipient> members = new ArrayList<>();
    for (String group : groups) {
      identity.createUserQuery().memberOfGroup(group).list().forEach(user -> members.add(new Recipient(user.getId(), group)));
    }
    return members;
  }

  String taskUrl(String taskId) {
    return tasklistUrl() + "#/?task=" + taskId;
  }

  String tasklistUrl() {
    return properties.baseUrl().replaceAll("/+$", "") + "/camunda/app/tasklist/default/";
  }

  /** A time in the team's zone, as the forms show it ("Tue 1 Dec 11:00 Berlin time"). */
  String when(Instant at, String team) {
    ZoneId zone = team == null || team.equals("-") || !teams.teams().containsKey(team) ? ZoneOffset.UTC : teams.workingTime(team).zone();
    return BusinessCalendar.when(at, zone);
  }

  static String text(Object value) {
    return value == null || value.toString().isBlank() ? "-" : value.toString();
  }
}
