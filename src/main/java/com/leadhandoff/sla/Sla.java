package com.leadhandoff.sla;

/**
 * The service levels of the hand-off. Each names the process variables it reads (durations from the
 * SlaPolicy decision) and writes (due and warning dates, breach count), and the user task it times.
 */
public enum Sla {
  ACCEPT("accept", "acceptWithin", "acceptWarningAfter", "Task_AcceptLead", "LeadLifecycle", "Timer_AcceptSlaWarning",
      "Timer_AcceptSlaBreached"),
  FIRST_CONTACT("firstContact", "firstContactWithin", "firstContactWarningAfter", "Task_LogFirstContact", "SalesFollowUp",
      "Timer_FirstContactSlaWarning", "Timer_FirstContactSlaBreached");

  private final String prefix;
  private final String within;
  private final String warningAfter;
  private final String task;
  private final String process;
  private final String warningTimer;
  private final String breachTimer;

  Sla(String prefix, String within, String warningAfter, String task, String process, String warningTimer, String breachTimer) {
    this.prefix = prefix;
    this.within = within;
    this.warningAfter = warningAfter;
    this.task = task;
    this.process = process;
    this.warningTimer = warningTimer;
    this.breachTimer = breachTimer;
  }

  /** The process whose task and timers this SLA times. */
  String process() {
    return process;
  }

  /** The boundary timers on the task, reading the warning and the due date. */
  String warningTimer() {
    return warningTimer;
  }

  String breachTimer() {
    return breachTimer;
  }

  String withinVariable() {
    return within;
  }

  String warningAfterVariable() {
    return warningAfter;
  }

  /** e.g. acceptDue: the timer's and the task's due date. */
  public String dueVariable() {
    return prefix + "Due";
  }

  /** e.g. acceptWarnAt: the warning timer's date and the task's follow-up date. */
  public String warnAtVariable() {
    return prefix + "WarnAt";
  }

  /** e.g. acceptDueExplained: how the due date was counted, for the rep's task. */
  public String explanationVariable() {
    return prefix + "DueExplained";
  }

  public String breachesVariable() {
    return prefix + "Breaches";
  }

  String clockVariable() {
    return prefix + "ClockId";
  }

  public String task() {
    return task;
  }
}
