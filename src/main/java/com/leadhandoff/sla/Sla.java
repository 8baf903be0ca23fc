package com.leadhandoff.sla;

import java.util.Arrays;
import java.util.Optional;

/**
 * The service levels of the hand-off. Each names the SlaPolicy decision's outputs it runs on (its durations), the
 * process variable it counts breaches in, and the user task it times.
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

  String withinOutput() {
    return within;
  }

  String warningAfterOutput() {
    return warningAfter;
  }

  public String breachesVariable() {
    return prefix + "Breaches";
  }

  /** e.g. acceptClock: the clock just started, kept for the rest of the transaction (a transient variable). */
  String startedClockVariable() {
    return prefix + "Clock";
  }

  public String task() {
    return task;
  }

  /** The SLA that times the user task with this key, if one does. */
  static Optional<Sla> timing(String taskKey) {
    return Arrays.stream(values()).filter(sla -> sla.task.equals(taskKey)).findFirst();
  }
}
