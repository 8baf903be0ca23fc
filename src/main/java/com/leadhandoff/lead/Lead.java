package com.leadhandoff.lead;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A lead as stored: contact, company, where it came from, and how far it got. */
public record Lead(
    UUID id,
    String email,
    String firstName,
    String lastName,
    String title,
    String phone,
    String companyName,
    Integer companySize,
    String industry,
    String country,
    String companyDomain,
    String source,
    String campaign,
    Utm utm,
    String firstTouchContent,
    boolean consent,
    String buyingTimeframe,
    String firstMeetingExpectation,
    LeadStage status,
    Integer fitScore,
    String fitGrade,
    Integer engagementScore,
    String priority,
    String mqlOutcome,
    String mqlReason,
    String team,
    String queue,
    String capturedBy,
    OffsetDateTime createdAt,
    int recycleCount,
    UUID previousLeadId,
    AccountMatch accountMatch) {

  /**
   * The account the lead matched at capture (null: none), with the account's status and owner as they were then;
   * method {@code domain} (score 1) or {@code name} (the Jaro-Winkler similarity of the normalised names).
   */
  public record AccountMatch(UUID accountId, String status, String owner, String method, String matchedOn, double score) {}

  /** The UTM parameters of the visit that converted the lead. */
  public record Utm(String source, String medium, String campaign, String term, String content) {}
}
