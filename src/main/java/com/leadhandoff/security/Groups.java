package com.leadhandoff.security;

/** The product's Camunda groups. Sales teams are groups too; their ids come from the routing decision. */
public final class Groups {

  public static final String ADMINS = "camunda-admin";
  public static final String SALES_MANAGERS = "sales-managers";
  public static final String MARKETING = "marketing";
  public static final String PROCESS_OWNERS = "process-owners";
  /** Who runs the nodes: reads the detailed health and the metrics. */
  public static final String OPERATORS = "operators";
  /**
   * Camunda users that push leads in with HTTP Basic, as before integration keys existed: they may capture (as a key
   * with the capture scope), not read leads. New integrations get a key (IntegrationKeysController).
   */
  public static final String INTEGRATION = "lead-integration";

  private Groups() {}
}
