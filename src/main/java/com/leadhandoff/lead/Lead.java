package com.leadhandoff.lead;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A lead as stored: who it is, the company, where it came from, and how far it got. The parts' components are named
 * as the columns of {@code leads} (the repository maps each part by name) and as the API's fields (which stay flat).
 */
public record Lead(
    UUID id,
    @JsonUnwrapped Contact contact,
    @JsonUnwrapped Company company,
    @JsonUnwrapped Attribution attribution,
    @JsonUnwrapped Progress progress,
    String capturedBy,
    OffsetDateTime createdAt,
    UUID previousLeadId,
    AccountMatch accountMatch) {

  /** Who the lead is, how to reach them, whether they consented, and what they said they want. */
  public record Contact(String email, String firstName, String lastName, String title, String phone, boolean consent,
      String buyingTimeframe, String firstMeetingExpectation) {}

  /** The lead's company as submitted (the domain from its website, else from the email). */
  public record Company(String companyName, Integer companySize, String industry, String country, String companyDomain) {}

  /** Where the lead came from: source, campaign, the UTM parameters of the visit that converted it, and what it saw first. */
  public record Attribution(String source, String campaign, @JsonIgnore String utmSource, @JsonIgnore String utmMedium,
      @JsonIgnore String utmCampaign, @JsonIgnore String utmTerm, @JsonIgnore String utmContent, String firstTouchContent) {

    @JsonProperty("utm")
    public Utm utm() {
      return new Utm(utmSource, utmMedium, utmCampaign, utmTerm, utmContent);
    }
  }

  /** The UTM parameters of the visit that converted the lead. */
  public record Utm(String source, String medium, String campaign, String term, String content) {}

  /**
   * How far the lead got: its status, what the qualification decisions said (fit, engagement, priority, MQL outcome),
   * the team and queue it was routed to, and how often sales handed it back.
   */
  public record Progress(LeadStage status, Integer fitScore, String fitGrade, Integer engagementScore, String priority,
      String mqlOutcome, String mqlReason, String team, String queue, int recycleCount) {

    /** A lead just captured: nothing decided yet. */
    public static final Progress CAPTURED = new Progress(LeadStage.CAPTURED, null, null, null, null, null, null, null, null, 0);
  }

  /**
   * The account the lead matched at capture (null: none), with the account's status and owner as they were then;
   * method {@code domain} (score 1) or {@code name} (the Jaro-Winkler similarity of the normalised names).
   */
  public record AccountMatch(UUID accountId, String status, String owner, String method, String matchedOn, double score) {}
}
