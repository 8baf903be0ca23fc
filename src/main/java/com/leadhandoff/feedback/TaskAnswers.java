package com.leadhandoff.feedback;

import com.leadhandoff.lead.LeadJournal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The rules every task's answers must meet, checked when the task is completed
 * ({@code ${taskAnswers.acceptOrReject(task)}} and so on), and the structured feedback kept from them.
 * A broken rule refuses the completion with every problem in one message (400 through the REST API,
 * the task stays open): the Camunda Forms check the same rules, but a REST client could skip the form.
 */
@Component("taskAnswers")
public class TaskAnswers {

  static final Set<String> REJECTION_REASONS = Set.of("wrong-person", "too-small", "wrong-industry", "no-budget", "no-need", "timing",
      "duplicate", "bad-contact-data", "competitor-or-spam", "other");
  static final Set<String> CHANNELS = Set.of("phone", "email", "meeting", "video-call", "social");
  static final Set<String> CONTACT_OUTCOMES = Set.of("reached", "meeting-booked", "voicemail", "no-answer", "wrong-contact");
  static final Set<String> AUTHORITY = Set.of("economic-buyer", "influencer", "user", "unknown");
  static final Set<String> TIMEFRAMES = Set.of("within-3-months", "within-12-months", "no-plan", "unknown");
  static final Set<String> BUDGETS = Set.of("none", "under-10k", "10k-50k", "over-50k", "unknown");
  static final Set<String> WIN_FACTORS = Set.of("industry-fit", "title-fit", "pain", "content", "timing", "price", "relationship",
      "integration", "referral", "other");
  static final Set<String> LOSS_REASONS = Set.of("price", "competitor", "no-decision", "timing", "missing-features", "other");
  static final int MAX_TEXT = 2000;
  /** As the grey-case form asks: a rationale both teams can act on, not "ok". */
  static final int MIN_RATIONALE = 10;

  private final FeedbackRepository feedback;
  private final IdentityService identity;

  public TaskAnswers(FeedbackRepository feedback, IdentityService identity) {
    this.feedback = feedback;
    this.identity = identity;
  }

  /** Accept or reject lead: a decision; a rejection needs a reason from the list, and "other" a comment. */
  public void acceptOrReject(DelegateTask task) {
    Problems problems = new Problems(task);
    String decision = problems.oneOf("decision", Set.of("accept", "reject"), true);
    if ("reject".equals(decision)) {
      String reason = problems.oneOf("rejectionReason", REJECTION_REASONS, true);
      problems.text("rejectionComment", "other".equals(reason));
      problems.check();
      keep(task, "REJECTION", reason, null, problems.text("rejectionComment", false), null, null, null);
    } else {
      problems.check();
    }
  }

  /** Log first contact: channel, outcome and when, not in the future. */
  public void firstContact(DelegateTask task) {
    Problems problems = new Problems(task);
    problems.oneOf("contactChannel", CHANNELS, true);
    problems.oneOf("contactOutcome", CONTACT_OUTCOMES, true);
    problems.pastDate("contactedAt");
    problems.check();
  }

  /** Qualify lead: every SQL criterion answered, what the prospect said kept for marketing. */
  public void qualify(DelegateTask task) {
    Problems problems = new Problems(task);
    problems.bool("needConfirmed");
    problems.oneOf("authority", AUTHORITY, true);
    problems.oneOf("timeframe", TIMEFRAMES, true);
    problems.oneOf("budgetRange", BUDGETS, true);
    problems.bool("firstMeetingBooked");
    problems.oneOf("rejectionReason", REJECTION_REASONS, false);
    String said = problems.text("prospectSaid", false);
    problems.check();
    if (said != null) {
      keep(task, "QUALIFICATION", null, null, said, null, null, null);
    }
  }

  /** Close won or lost: the outcome and, for marketing, what made the deal work or not. */
  public void closeDeal(DelegateTask task) {
    Problems problems = new Problems(task);
    String outcome = problems.oneOf("dealOutcome", Set.of("WON", "LOST"), true);
    List<String> factors = "WON".equals(outcome) ? problems.someOf("winFactors", WIN_FACTORS)
        : "LOST".equals(outcome) ? problems.someOf("lossReasons", LOSS_REASONS) : List.of();
    String comment = problems.text("dealNotes", false);
    String questions = problems.text("questionsHeard", false);
    String objections = problems.text("objectionsHeard", false);
    String content = problems.text("contentThatHelped", false);
    problems.check();
    keep(task, "WON".equals(outcome) ? "WIN" : "LOSS", null, String.join(",", factors), comment, questions, objections, content);
  }

  /** Review rejection (marketing, or both teams): agree or dispute, keep or close the lead, what changes in the campaign. */
  public void reviewRejection(DelegateTask task) {
    Problems problems = new Problems(task);
    String verdict = problems.oneOf("reviewVerdict", Set.of("agree", "dispute"), true);
    problems.oneOf("reviewDecision", Set.of("NURTURE", "DISQUALIFY"), true);
    String comment = problems.text("reviewComment", "dispute".equals(verdict));
    String action = problems.text("campaignAction", false);
    problems.check();
    keep(task, "REJECTION_REVIEW", verdict, null, comment, null, null, action);
  }

  /** Review grey case together: the decision and why. */
  public void jointReview(DelegateTask task) {
    Problems problems = new Problems(task);
    String decision = problems.oneOf("jointDecision", Set.of("MQL", "NURTURE", "DISQUALIFY"), true);
    String rationale = problems.text("jointRationale", true);
    if (rationale != null && rationale.length() < MIN_RATIONALE) {
      problems.add("jointRationale", "must say why in at least " + MIN_RATIONALE + " characters");
    }
    problems.check();
    keep(task, "JOINT_REVIEW", decision, null, rationale, null, null, null);
  }

  /** Handle escalated lead: reassign to a rep of the team, take it over, or give the same rep more time; always why. */
  public void escalation(DelegateTask task) {
    Problems problems = new Problems(task);
    String action = problems.oneOf("managerAction", Set.of("reassign", "take-over", "extend"), true);
    problems.text("managerReason", true);
    if ("reassign".equals(action)) {
      String rep = (String) task.getVariable("managerChoice");
      String team = (String) task.getVariable("team");
      if (rep == null || identity.createUserQuery().userId(rep).memberOfGroup(team).count() == 0) {
        problems.add("managerChoice", "must be a rep of team " + team);
      }
    }
    problems.check();
    if ("take-over".equals(action)) {
      task.setVariable("managerChoice", currentUser());
    } else if ("extend".equals(action)) {
      task.setVariable("managerChoice", task.getVariable("assignee"));
    }
  }

  private String currentUser() {
    return identity.getCurrentAuthentication() == null ? null : identity.getCurrentAuthentication().getUserId();
  }

  private void keep(DelegateTask task, String kind, String reason, String factors, String comment, String questions,
      String objections, String content) {
    String author = task.getAssignee() != null ? task.getAssignee() : currentUser();
    feedback.add(new Feedback(UUID.fromString(task.getExecution().getProcessBusinessKey()), kind, reason, factors, comment, questions,
        objections, content, author, LeadJournal.now()));
  }

  /** Collects every broken rule of one completion, then refuses it with all of them. */
  private static final class Problems {
    private final DelegateTask task;
    private final List<String> broken = new ArrayList<>();

    Problems(DelegateTask task) {
      this.task = task;
    }

    void add(String field, String message) {
      broken.add(field + " " + message);
    }

    String oneOf(String field, Set<String> allowed, boolean required) {
      Object value = task.getVariable(field);
      if (value == null || value.toString().isBlank()) {
        if (required) {
          add(field, "is required");
        }
        return null;
      }
      if (!allowed.contains(value.toString())) {
        add(field, "must be one of " + allowed.stream().sorted().toList());
        return null;
      }
      return value.toString();
    }

    List<String> someOf(String field, Set<String> allowed) {
      Object value = task.getVariable(field);
      Collection<?> values = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value.toString().split(","));
      List<String> chosen = values.stream().map(Object::toString).map(String::trim).filter(v -> !v.isEmpty()).toList();
      if (chosen.isEmpty()) {
        add(field, "needs at least one of " + allowed.stream().sorted().toList());
      } else if (!allowed.containsAll(chosen)) {
        add(field, "may only hold " + allowed.stream().sorted().toList());
      }
      return chosen;
    }

    String text(String field, boolean required) {
      Object value = task.getVariable(field);
      String text = value == null ? null : value.toString().trim();
      if (text == null || text.isEmpty()) {
        if (required) {
          add(field, "is required");
        }
        return null;
      }
      if (text.length() > MAX_TEXT) {
        add(field, "may hold at most " + MAX_TEXT + " characters");
      }
      return text;
    }

    void bool(String field) {
      Object value = task.getVariable(field);
      if (!(value instanceof Boolean)) {
        add(field, "must be answered yes or no");
      }
    }

    void pastDate(String field) {
      Object value = task.getVariable(field);
      if (value == null) {
        add(field, "is required");
        return;
      }
      try {
        OffsetDateTime when = value instanceof java.util.Date date ? date.toInstant().atOffset(java.time.ZoneOffset.UTC)
            : OffsetDateTime.parse(value.toString());
        if (when.isAfter(LeadJournal.now().plusMinutes(5))) {
          add(field, "must not be in the future");
        }
      } catch (DateTimeParseException e) {
        add(field, "must be a date and time like 2026-11-24T10:30:00Z");
      }
    }

    void check() {
      if (!broken.isEmpty()) {
        throw new BadUserRequestException(task.getName() + ": " + broken.stream().collect(Collectors.joining("; ")));
      }
    }
  }
}
