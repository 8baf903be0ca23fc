package com.leadhandoff.security;

/**
 * Who may call an /api endpoint, as the {@code @PreAuthorize} expression it names. A Camunda user holds ROLE_ plus
 * each of their groups; an integration key holds SCOPE_ plus each of its scopes (IntegrationKeyAuthentication).
 * Administrators may call everything. An /api endpoint without {@code @PreAuthorize} is refused (AuthenticationTest
 * checks that each declares one).
 */
public final class Access {

  public static final String ROLE = "ROLE_";
  public static final String SCOPE = "SCOPE_";
  /** Pushes leads, engagement, CSV imports and accounts in. */
  public static final String CAPTURE_SCOPE = "capture";
  /** Reads leads and accounts. */
  public static final String READ_SCOPE = "read";

  private static final String ADMIN = "'" + ROLE + Groups.ADMINS + "'";
  private static final String MANAGERS = "'" + ROLE + Groups.SALES_MANAGERS + "'";
  private static final String MARKETING = "'" + ROLE + Groups.MARKETING + "'";
  private static final String OWNERS = "'" + ROLE + Groups.PROCESS_OWNERS + "'";
  private static final String CAPTURE = "'" + SCOPE + CAPTURE_SCOPE + "', '" + ROLE + Groups.INTEGRATION + "'";
  private static final String READ = "'" + SCOPE + READ_SCOPE + "'";

  public static final String ADMINISTRATORS = "hasAuthority(" + ADMIN + ")";
  public static final String CAPTURING = "hasAnyAuthority(" + CAPTURE + ", " + ADMIN + ")";
  public static final String IMPORT_RESULTS = "hasAnyAuthority(" + CAPTURE + ", " + MARKETING + ", " + ADMIN + ")";
  public static final String READING_LEADS = "hasAnyAuthority(" + READ + ", " + MANAGERS + ", " + MARKETING + ", " + OWNERS + ", " + ADMIN + ")";
  public static final String WRITING_ACCOUNTS = "hasAnyAuthority(" + CAPTURE + ", " + MANAGERS + ", " + ADMIN + ")";
  public static final String READING_ACCOUNTS = "hasAnyAuthority(" + READ + ", " + CAPTURE + ", " + MANAGERS + ", " + ADMIN + ")";
  public static final String REPORTS = "hasAnyAuthority(" + MANAGERS + ", " + MARKETING + ", " + OWNERS + ", " + ADMIN + ")";
  /** Sales managers (and administrators): open breaches, the outbox's messages. */
  public static final String MANAGING = "hasAnyAuthority(" + MANAGERS + ", " + ADMIN + ")";
  /** Any person with a Camunda login (not an integration key); what they may do depends on the data, e.g. their team. */
  public static final String PEOPLE = "isAuthenticated() and !hasAnyAuthority(" + READ + ", '" + SCOPE + CAPTURE_SCOPE + "')";
  public static final String WHAT_IF = "hasAnyAuthority(" + OWNERS + ", " + MANAGERS + ", " + MARKETING + ", " + ADMIN + ")";

  private Access() {}
}
