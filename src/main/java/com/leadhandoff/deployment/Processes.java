package com.leadhandoff.deployment;

import java.util.List;

/** The keys of the processes this application deploys ({@code processes/*.bpmn}); code names a process only through these. */
public final class Processes {

  /** Lead lifecycle: marketing's side and the hand-off to a sales team. */
  public static final String LEAD_LIFECYCLE = "LeadLifecycle";
  /** Sales follow-up: first contact to a won or lost deal, called by the lifecycle. */
  public static final String SALES_FOLLOW_UP = "SalesFollowUp";
  /** Both, the processes whose tasks people work in Tasklist. */
  public static final List<String> ALL = List.of(LEAD_LIFECYCLE, SALES_FOLLOW_UP);

  private Processes() {}
}
