package com.leadhandoff.feedback;

import com.leadhandoff.accounts.AccountRepository;
import com.leadhandoff.handoff.RoutingRepository;
import com.leadhandoff.lead.Activity;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.security.IdentityBootstrap;
import com.leadhandoff.sla.BusinessCalendar;
import com.leadhandoff.sla.SlaClock;
import com.leadhandoff.teams.SalesTeams;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * What a task's form shows the person who works it ({@code ${taskFacts.show(task)}} when a task is created), in one
 * JSON task variable, {@value #FACTS}, that goes when the task is done (the form quotes {@code {{facts.whyMql}}}): who
 * the lead is and how to reach them, where they came from, what they did lately, the account they belong to, why they
 * are an MQL, who had them before, who rejected them and why, by when the SLA wants an answer and how that was counted;
 * for managers the team's reps with their open load (an option list of its own); and the company, contact and
 * priority the task's card shows in Tasklist. One variable, not one per fact: each is a row of the engine's variable
 * table and its indexes (bench/run memory). The task's priority follows the lead's priority. Text is plain: values are
 * quoted into the form's text escaped, never markup of their own.
 */
@Component("taskFacts")
public class TaskFacts {

  /** The task variable that holds the facts the form quotes. */
  public static final String FACTS = "facts";
  /** Tasklist's priority for hot, warm and cold leads (Camunda's default is 50). */
  static final Map<String, Integer> PRIORITIES = Map.of("hot", 80, "warm", 50, "cold", 20);
  private static final int RECENT_ACTIVITIES = 5;
  /** What Markdown reads as markup anywhere in a line, and at its start (see {@link #plain}). */
  private static final String INLINE_MARKUP = "\\`*_[]<>&!~|{}";
  private static final String BLOCK_MARKUP = "#+-=>";

  private final LeadRepository leads;
  private final RoutingRepository routing;
  private final FeedbackRepository feedback;
  private final ContactRepository contacts;
  private final SalesTeams teams;
  private final IdentityService identity;
  private final TaskService tasks;
  private final TaskForms forms;
  private final ObjectMapper json = new ObjectMapper();
  private final AccountRepository accounts;
  private final SlaClock slaClock;

  public TaskFacts(LeadRepository leads, RoutingRepository routing, FeedbackRepository feedback, ContactRepository contacts,
      SalesTeams teams, IdentityService identity, TaskService tasks, TaskForms forms, AccountRepository accounts, SlaClock slaClock) {
    this.accounts = accounts;
    this.slaClock = slaClock;
    this.leads = leads;
    this.routing = routing;
    this.feedback = feedback;
    this.contacts = contacts;
    this.teams = teams;
    this.identity = identity;
    this.tasks = tasks;
    this.forms = forms;
  }

  public void show(DelegateTask task) {
    UUID leadId = UUID.fromString(task.getExecution().getProcessBusinessKey());
    Lead lead = leads.find(leadId).orElseThrow(() -> new IllegalStateException("No lead " + leadId));
    String team = (String) task.getVariable("team");
    ZoneId zone = team == null ? ZoneOffset.UTC : teams.workingTime(team).zone();
    Integer priority = PRIORITIES.get(lead.progress().priority());
    if (priority != null) {
      task.setPriority(priority);
    }
    // each fact is worked out only if the task's form shows it (its text quotes facts.<name>)
    Set<String> shown = forms.of(task).variables();
    Map<String, Supplier<Object>> facts = new LinkedHashMap<>();
    facts.put("leadHeadline", () -> headline(lead));
    facts.put("leadContact", () -> join(" · ", lead.contact().email(), lead.contact().phone() == null ? "no phone given" : lead.contact().phone()));
    facts.put("leadCompanyLine", () -> join(" · ", lead.company().companyName(),
        lead.company().companySize() == null ? null : lead.company().companySize() + " employees", lead.company().industry(), lead.company().country()));
    facts.put("accountLine", () -> accountLine(lead.accountMatch()));
    facts.put("leadOrigin", () -> "Came in through " + lead.attribution().source()
        + (blank(lead.attribution().campaign()) ? " (no campaign)" : ", campaign " + lead.attribution().campaign())
        + ", on " + BusinessCalendar.when(lead.createdAt().toInstant(), zone));
    facts.put("leadScores", () -> "Fit " + orDash(lead.progress().fitGrade()) + " (" + orDash(lead.progress().fitScore()) + " points) · engagement "
        + orDash(lead.progress().engagementScore()) + " of 100 · priority " + orDash(lead.progress().priority()));
    facts.put("recentActivities", () -> recentActivities(leads.activities(leadId), zone));
    facts.put("whyMql", () -> whyMql(lead, leadId));
    facts.put("contactAttempts", () -> contactAttempts(contacts.of(leadId), zone));
    facts.put("previousOwner", () -> previousOwner(routing.ledger(leadId), (String) task.getVariable("assignee")));
    facts.put("rejectionSummary", () -> rejectionSummary(task, zone));
    facts.put("dueExplained", () -> slaClock.dueExplained(task));
    Map<String, String> quoted = new LinkedHashMap<>();
    facts.forEach((name, fact) -> {
      if (shown.contains(FACTS + "." + name) && fact.get() instanceof String text) {
        quoted.put(name, name.equals("recentActivities") ? text : plain(text));
      }
    });
    Map<String, Object> values = new LinkedHashMap<>();
    if (!quoted.isEmpty()) {
      values.put(FACTS, SpinValues.jsonValue(toJson(quoted)).create());
    }
    if (shown.contains("teamReps")) {
      values.put("teamReps", SpinValues.jsonValue(toJson(teamReps(team))).create());
    }
    // what the task card shows: its workers may read the task's variables, not the lead's process instance's
    for (Map<String, String> card : IdentityBootstrap.CARD_VARIABLES) {
      Object value = cardValue(lead, card.get("name"));
      if (value != null) {
        values.put(card.get("name"), value);
      }
    }
    task.setVariablesLocal(values);
  }

  private static Object cardValue(Lead lead, String name) {
    return switch (name) {
      case "companyName" -> lead.company().companyName();
      case "email" -> lead.contact().email();
      case "priority" -> lead.progress().priority();
      default -> throw new IllegalStateException("The task card's variable " + name + " has no fact of the lead");
    };
  }

  private static String headline(Lead lead) {
    String name = join(" ", lead.contact().firstName(), lead.contact().lastName());
    String person = name.isEmpty() ? lead.contact().email() : name;
    return person + (blank(lead.contact().title()) ? "" : ", " + lead.contact().title()) + (blank(lead.company().companyName()) ? "" : " at " + lead.company().companyName());
  }

  /**
   * The account the lead matched and how, e.g. "Known account: Acme (customer), owner anna; matched by domain acme.com",
   * or by name with the similarity score; the account's name, status and owner as they are now.
   */
  private String accountLine(Lead.AccountMatch match) {
    if (match == null) {
      return "No known account (matched by neither domain nor company name).";
    }
    return accounts.find(match.accountId()).map(account -> "Known account: " + account.name() + " (" + account.status() + "), "
            + (account.owner() == null ? "no owner" : "owner " + account.owner()) + "; matched by "
            + ("domain".equals(match.method()) ? "domain " + match.matchedOn()
                : "company name \"" + match.matchedOn() + "\" (similarity " + String.format(java.util.Locale.ROOT, "%.2f", match.score()) + ")"))
        .orElse("No known account.");
  }

  /** The latest few, newest first, as a Markdown list: what and when, e.g. "- Demo request, Mon 30 Nov 14:05". */
  private static String recentActivities(List<Activity> activities, ZoneId zone) {
    if (activities.isEmpty()) {
      return "No activity recorded yet.";
    }
    return activities.stream().sorted(Comparator.comparing(Activity::occurredAt).reversed()).limit(RECENT_ACTIVITIES)
        .map(a -> "- " + plain(words(a.type()) + ", " + BusinessCalendar.when(a.occurredAt().toInstant(), zone)))
        .collect(Collectors.joining("\n"));
  }

  /** "none yet", or each attempt: "No answer by phone, Tue 1 Dec 10:30 Berlin time (anna)". */
  private static String contactAttempts(List<Contact> logged, ZoneId zone) {
    return logged.isEmpty() ? "none yet" : logged.stream()
        .map(c -> words(c.outcome()) + " by " + c.channel() + ", " + BusinessCalendar.when(c.contactedAt().toInstant(), zone)
            + (c.rep() == null ? "" : " (" + c.rep() + ")"))
        .collect(Collectors.joining("; "));
  }

  /** The MQL rule's agreed wording, or the joint review's rationale when both teams sent a grey case to sales. */
  private String whyMql(Lead lead, UUID leadId) {
    return feedback.of(leadId).stream().filter(f -> "JOINT_REVIEW".equals(f.kind()) && "MQL".equals(f.reason()))
        .reduce((first, second) -> second)
        .map(review -> "Marketing and sales decided together (" + review.author() + "): " + review.comment())
        .orElse(blank(lead.progress().mqlReason()) ? "not decided yet" : lead.progress().mqlReason());
  }

  private static String previousOwner(List<RoutingRepository.LedgerEntry> ledger, String current) {
    List<String> owners = ledger.stream().map(RoutingRepository.LedgerEntry::assignee).filter(Objects::nonNull).toList();
    List<String> before = new ArrayList<>(owners);
    if (!before.isEmpty() && before.get(before.size() - 1).equals(current)) {
      before.remove(before.size() - 1);
    }
    return before.isEmpty() ? "nobody: this is the lead's first owner" : before.get(before.size() - 1);
  }

  /** For the rejection review: who rejected the lead, when, the reason in the form's words and their note. */
  private static String rejectionSummary(DelegateTask task, ZoneId zone) {
    Object reason = task.getVariable("rejectionReasonLabel");
    if (reason == null) {
      return null;
    }
    Object at = task.getVariable("rejectedAt");
    Object note = task.getVariable("rejectionComment");
    return orDash(task.getVariable("rejectedBy")) + " rejected this lead"
        + (at instanceof Date date ? " on " + BusinessCalendar.when(date.toInstant(), zone) : "")
        + ": " + reason + "." + (note == null ? " No note." : " Their note: " + note);
  }

  /** The team's reps as form options, each with their open leads, for the manager who hands a lead over. */
  private List<Map<String, String>> teamReps(String team) {
    return identity.createUserQuery().memberOfGroup(team).orderByUserId().asc().list().stream()
        .map(rep -> Map.of("label", name(rep) + " (" + tasks.createTaskQuery().taskAssignee(rep.getId()).count() + " open)",
            "value", rep.getId()))
        .toList();
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String name(User rep) {
    String name = join(" ", rep.getFirstName(), rep.getLastName());
    return name.isEmpty() ? rep.getId() : name;
  }

  /**
   * Text as the form shows it, whatever it holds. A form's text view renders Markdown and HTML, so what a lead, a rep or
   * a CRM typed is escaped (CommonMark backslash escapes) where it would turn into markup: HTML and entities, emphasis,
   * links and images, web addresses (after "www" and before "//"), and headings, lists and quotes at a line's start.
   * Everything else stays as typed, so the text also reads well in Cockpit. Addresses with @ may still show as mail links.
   */
  static String plain(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean markup = INLINE_MARKUP.indexOf(c) >= 0
          || (lineStart && BLOCK_MARKUP.indexOf(c) >= 0)
          || (c == ':' && text.startsWith("//", i + 1))
          || (c == '.' && i >= 3 && text.regionMatches(true, i - 3, "www", 0, 3))
          || ((c == '.' || c == ')') && orderedListNumber(text, i));
      out.append(markup ? "\\" : "").append(c);
      lineStart = c == '\n' || (lineStart && c == ' ');
    }
    return out.toString();
  }

  /** "1." or "12)" at the start of a line opens a numbered list. */
  private static boolean orderedListNumber(String text, int at) {
    int start = at;
    while (start > 0 && Character.isDigit(text.charAt(start - 1))) {
      start--;
    }
    return start < at && (start == 0 || text.charAt(start - 1) == '\n');
  }

  /** "demo-request" as "Demo request". */
  private static String words(String code) {
    String text = code.replace('-', ' ');
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String join(String separator, Object... parts) {
    return Stream.of(parts).filter(p -> p != null && !p.toString().isBlank()).map(Object::toString).collect(Collectors.joining(separator));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String orDash(Object value) {
    return value == null ? "–" : value.toString();
  }
}
