package com.leadhandoff;

import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.capture.LeadSubmission;
import com.leadhandoff.lead.Lead;
import java.util.Arrays;

/** Leads the tests capture through the real capture service. */
public final class TestLeads {

  private TestLeads() {}

  /** A grade-A lead (a VP at an 800-person software company in Germany) with the given activities. */
  public static Lead gradeA(LeadCaptureService capture, String email, String source, String campaign, String... activityTypes) {
    return gradeANamed(capture, null, email, source, campaign, activityTypes);
  }

  /**
   * A grade-A lead at a company of its own (its own name and email domain), for tests that take a lead to an opportunity
   * or a win: those create an account, which other tests' "Acme" leads would then match (and be routed to its owner).
   */
  public static Lead gradeAAtOwnCompany(LeadCaptureService capture, String emailPrefix, String source, String campaign,
      String... activityTypes) {
    String company = java.util.UUID.randomUUID().toString().substring(0, 8);
    return capture.capture(new LeadSubmission(new LeadSubmission.Contact(emailPrefix + "@" + company + ".example", null, null, "VP Sales", null),
        new LeadSubmission.Company(company + " Industries", 800, "software", "DE", null), source, campaign, null, null, false, null, null,
        Arrays.stream(activityTypes).map(type -> new LeadSubmission.Activity(type, null, null)).toList()), "test");
  }

  /** The same, with the contact's last name (e.g. to find the lead on a page). */
  public static Lead gradeANamed(LeadCaptureService capture, String lastName, String email, String source, String campaign,
      String... activityTypes) {
    return capture.capture(new LeadSubmission(new LeadSubmission.Contact(email, null, lastName, "VP Sales", null),
        new LeadSubmission.Company("Acme", 800, "software", "DE", null), source, campaign, null, null, false, null, null,
        Arrays.stream(activityTypes).map(type -> new LeadSubmission.Activity(type, null, null)).toList()), "test");
  }

  /**
   * A checklist's answer as a Java caller completes a task with it: a list the engine can store as JSON and read back
   * (an immutable {@code List.of} is stored under a JDK-internal type that cannot be read back).
   */
  public static java.util.List<String> chosen(String... values) {
    return new java.util.ArrayList<>(java.util.List.of(values));
  }
}
