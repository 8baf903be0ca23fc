package com.leadhandoff.feedback;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.sla.BusinessCalendar;
import com.leadhandoff.teams.SalesTeams;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The rules every task's answers must meet, checked when the task is completed
 * ({@code ${taskAnswers.acceptOrReject(task)}} and so on), and what is kept from them. The form deployed with the
 * process version is the source of the allowed answers: its required fields, options, lengths and conditions are
 * applied here as Tasklist applies them ({@link TaskForm}), so a REST client cannot skip them and an option a process
 * owner adds in Modeler is allowed at once. Only what a form cannot say is written here (a contact time between the
 * lead's capture and now, a rep of the lead's team). A broken rule refuses the completion with every problem in one
 * message in the form's words (400 through Tasklist and the REST API; the task stays open).
 */
@Component("taskAnswers")
public class TaskAnswers {

  /** Contact outcomes that are a conversation and meet the first-contact SLA; any other outcome is an attempt. */
  static final Set<String> CONVERSATIONS = Set.of("reached", "meeting-booked");
  /** How far a clock may be ahead of the server's before a contact time counts as in the future. */
  private static final int CLOCK_SKEW_MINUTES = 5;

  private final TaskForms forms;
  private final FeedbackRepository feedback;
  private final ContactRepository contacts;
  private final LeadRepository leads;
  private final IdentityService identity;
  private final Clock clock;
  private final SalesTeams teams;

  public TaskAnswers(TaskForms forms, FeedbackRepository feedback, ContactRepository contacts, LeadRepository leads,
      IdentityService identity, SalesTeams teams, Clock clock) {
    this.clock = clock;
    this.forms = forms;
    this.feedback = feedback;
    this.contacts = contacts;
    this.leads = leads;
    this.identity = identity;
    this.teams = teams;
  }

  /** Accept or reject lead: a rejection keeps its reason and the rep's words (required for "Other" by the form). */
  public void acceptOrReject(DelegateTask task) {
    Answers answers = check(task);
    if ("reject".equals(answers.text("decision"))) {
      String reason = answers.text("rejectionReason");
      String comment = answers.firstText("rejectionOther", "rejectionComment");
      answers.keepReason(task, reason, comment);
      keep(task, new Feedback.Builder("REJECTION").reason(reason).comment(comment));
    }
  }

  /**
   * Log first contact: every contact is kept with its time, which lies between the lead's capture and now. Only a
   * conversation is first contact ({@code contactMade}); an attempt (no answer, voicemail) leaves the SLA running.
   */
  public void firstContact(DelegateTask task) {
    Map<String, Object> submitted = forms.answers(task);
    List<String> problems = new ArrayList<>();
    OffsetDateTime when = contactTime(task, submitted.get("contactedAt"), problems);
    Answers answers = check(task, submitted, problems);
    String outcome = answers.text("contactOutcome");
    boolean conversation = CONVERSATIONS.contains(outcome);
    contacts.add(new Contact(leadId(task), owner(task), answers.text("contactChannel"), outcome, conversation, when,
        OffsetDateTime.now(clock), answers.text("contactNote")));
    task.getExecution().setVariable("contactMade", conversation);
  }

  /**
   * Qualify lead: the SQL criteria are the decision's to judge; the rep's closest reason (if any) is the one used if the
   * decision hands the lead back; what the prospect said is kept for marketing.
   */
  public void qualify(DelegateTask task) {
    Answers answers = check(task);
    answers.keepReason(task, answers.text("rejectionReason"), null);
    String said = answers.text("prospectSaid");
    if (said != null) {
      keep(task, new Feedback.Builder("QUALIFICATION").comment(said));
    }
  }

  /** Work the opportunity: the notes for the team are kept. */
  public void workOpportunity(DelegateTask task) {
    Answers answers = check(task);
    String notes = answers.text("opportunityNotes");
    if (notes != null) {
      keep(task, new Feedback.Builder("OPPORTUNITY").comment(notes));
    }
  }

  /** Close won or lost: the outcome and, for marketing, what made the deal work or not. */
  public void closeDeal(DelegateTask task) {
    Answers answers = check(task);
    boolean won = "WON".equals(answers.text("dealOutcome"));
    keep(task, new Feedback.Builder(won ? "WIN" : "LOSS").factors(String.join(",", answers.list(won ? "winFactors" : "lossReasons")))
        .comment(answers.text("dealNotes")).questionsHeard(answers.text("questionsHeard"))
        .objectionsHeard(answers.text("objectionsHeard")).contentThatHelped(answers.text("contentThatHelped")));
  }

  /** Review rejection (marketing, or both teams): agree or dispute (why is required), and what changes in the campaign. */
  public void reviewRejection(DelegateTask task) {
    Answers answers = check(task);
    keep(task, new Feedback.Builder("REJECTION_REVIEW").reason(answers.text("reviewVerdict"))
        .comment(answers.firstText("reviewComment", "reviewNote")).campaignAction(answers.text("campaignAction")));
  }

  /** Review grey case together: the decision and why, which the rep reads if the lead goes to sales. */
  public void jointReview(DelegateTask task) {
    Answers answers = check(task);
    keep(task, new Feedback.Builder("JOINT_REVIEW").reason(answers.text("jointDecision")).comment(answers.text("jointRationale")));
  }

  /**
   * Handle escalated lead: reassign to a rep of the team (the form offers them), take it over, or give the same rep more
   * time; always why.
   */
  public void escalation(DelegateTask task) {
    Answers answers = check(task);
    switch (answers.text("managerAction")) {
      case "take-over" -> task.setVariable("managerChoice", currentUser());
      case "extend" -> task.setVariable("managerChoice", task.getVariable("assignee"));
      default -> { }
    }
  }

  private Answers check(DelegateTask task) {
    return check(task, forms.answers(task), List.of());
  }

  /** The form's rules and the given ones, all at once; refused with every broken rule, or the answers to keep. */
  private Answers check(DelegateTask task, Map<String, Object> answers, List<String> moreProblems) {
    TaskForm form = forms.of(task);
    List<String> problems = new ArrayList<>(forms.problems(form, answers));
    problems.addAll(moreProblems);
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(task.getName() + ": " + String.join("; ", problems) + ".");
    }
    return new Answers(form, answers);
  }

  /** A contact time between the lead's capture and now (a few minutes' clock difference allowed). */
  private OffsetDateTime contactTime(DelegateTask task, Object value, List<String> problems) {
    if (value == null || value.toString().isBlank()) {
      return null; // the form's required rule says so
    }
    OffsetDateTime when;
    try {
      when = value instanceof Date date ? date.toInstant().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(value.toString());
    } catch (DateTimeParseException e) {
      problems.add("\"When\" must be a date and time like 2026-11-24T10:30:00Z");
      return null;
    }
    OffsetDateTime captured = leads.find(leadId(task)).map(Lead::createdAt).orElse(null);
    if (when.isAfter(OffsetDateTime.now(clock).plusMinutes(CLOCK_SKEW_MINUTES))) {
      problems.add("\"When\" must not be in the future");
    } else if (captured != null && when.isBefore(captured.minusMinutes(CLOCK_SKEW_MINUTES))) {
      problems.add("\"When\" must not be before the lead came in (" + BusinessCalendar.when(captured.toInstant(), zone(task)) + ")");
    }
    return when;
  }

  /** The lead's team's time zone, UTC before it has a team: how times in messages are shown. */
  private ZoneId zone(DelegateTask task) {
    Object team = task.getVariable("team");
    return team == null ? ZoneOffset.UTC : teams.workingTime(team.toString()).zone();
  }

  private String currentUser() {
    return identity.getCurrentAuthentication() == null ? null : identity.getCurrentAuthentication().getUserId();
  }

  private String owner(DelegateTask task) {
    return task.getAssignee() != null ? task.getAssignee() : currentUser();
  }

  private void keep(DelegateTask task, Feedback.Builder builder) {
    feedback.add(builder.build(leadId(task), owner(task), OffsetDateTime.now(clock)));
  }

  private static UUID leadId(DelegateTask task) {
    return UUID.fromString(task.getExecution().getProcessBusinessKey());
  }

  /** Answers that met the form's rules; only fields the form shows count (a hidden field's leftover is ignored). */
  private final class Answers {
    private final TaskForm form;
    private final Map<String, Object> values;

    Answers(TaskForm form, Map<String, Object> values) {
      this.form = form;
      this.values = values;
    }

    String text(String key) {
      Object value = visible(key) ? values.get(key) : null;
      return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    String firstText(String... keys) {
      for (String key : keys) {
        if (text(key) != null) {
          return text(key);
        }
      }
      return null;
    }

    List<String> list(String key) {
      return visible(key) && values.get(key) instanceof Collection<?> chosen ? chosen.stream().map(String::valueOf).toList() : List.of();
    }

    /** What the rejection review shows: the reason in the form's words, who gave it and their note. */
    void keepReason(DelegateTask task, String reason, String comment) {
      var lead = task.getExecution();
      lead.setVariable("rejectionReason", reason);
      lead.setVariable("rejectionReasonLabel", reason == null ? null : form.field("rejectionReason").optionLabel(reason));
      lead.setVariable("rejectedBy", owner(task));
      lead.setVariable("rejectionComment", comment);
    }

    private boolean visible(String key) {
      return !forms.hidden(form.field(key), values);
    }
  }
}
