package com.leadhandoff.reporting;

import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a report's rows are grouped by, and the SQL of that group for leads ({@code l}) and SLA clocks ({@code c}). */
public enum Grouping {
  SOURCE("l.source", null),
  CAMPAIGN("coalesce(l.campaign, '(no campaign)')", null),
  TEAM("coalesce(l.team, '(not routed)')", "c.team"),
  REP(null, "coalesce(c.assignee, '(no rep)')"),
  // the matched account's status when the lead was captured: do customers' leads convert better than strangers'?
  ACCOUNT_STATUS("coalesce(l.account_status, '(no account)')", null),
  MONTH("to_char(l.created_at at time zone 'UTC', 'YYYY-MM')", "to_char(c.started_at at time zone 'UTC', 'YYYY-MM')"),
  // a cast, not a bare literal: PostgreSQL refuses to group by a constant
  NONE("cast('all' as varchar(3))", "cast('all' as varchar(3))");

  private final String leadSql;
  private final String clockSql;

  Grouping(String leadSql, String clockSql) {
    this.leadSql = leadSql;
    this.clockSql = clockSql;
  }

  /** The grouping named in a request (e.g. {@code campaign}); a report that cannot group so is a 400 naming what it can. */
  static Grouping parse(String value, Grouping fallback, boolean clocks) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    List<Grouping> allowed = Arrays.stream(values()).filter(g -> clocks || g.leadSql != null).toList();
    return allowed.stream().filter(g -> g.label().equalsIgnoreCase(value.trim())).findFirst()
        .orElseThrow(() -> new InvalidRequestException(List.of(new FieldError("groupBy",
            "must be one of " + allowed.stream().map(Grouping::label).collect(Collectors.joining(", ")) + ", not '" + value + "'"))));
  }

  /** As a request names it: source, campaign, ..., accountStatus. */
  String label() {
    return this == ACCOUNT_STATUS ? "accountStatus" : name().toLowerCase(Locale.ROOT);
  }

  /** The group of a lead row. */
  String leadSql() {
    return leadSql;
  }

  /** The group of an SLA clock row: its own team, rep or start month, or its lead's source or campaign. */
  String clockSql() {
    return clockSql != null ? clockSql : leadSql;
  }

  /** Whether grouping clocks needs their lead's row. */
  boolean clockNeedsLead() {
    return clockSql == null;
  }
}
