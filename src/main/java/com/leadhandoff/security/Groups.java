package com.leadhandoff.security;

/** The product's Camunda groups. Sales teams are groups too; their ids come from the routing decision. */
public final class Groups {

  public static final String ADMINS = "camunda-admin";
  public static final String SALES_MANAGERS = "sales-managers";
  public static final String MARKETING = "marketing";
  public static final String PROCESS_OWNERS = "process-owners";
  /** Systems that push leads in through the lead-capture API: web forms, marketing automation, CRM sync. */
  public static final String INTEGRATION = "lead-integration";

  private Groups() {}
}
