package com.leadhandoff.sla;

/**
 * The service levels of the hand-off. Each names the process variables it reads (durations from the
 * SlaPolicy decision) and writes (due and warning dates, breach count), and the user task it times.
 */
public enum Sla {
  ACCEPT("accept", "acceptWithin", "acceptWarningAfter", "Task_AcceptLead"),
  FIRST_CONTACT("firstContact", "firstContactWithin", "firstContactWarningAfter", "Task_LogFirstContact");

  private final String prefix;
  private final String within;
  private final String warningAfter;
  private final String task;

  Sla(String prefix, String within, String warningAfter, String task) {
    this.prefix = prefix;
    this.within = within;
    this.warningAfter = warningAfter;
    this.task = task;
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
