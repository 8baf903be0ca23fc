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

  /** The same, with the contact's last name (e.g. to find the lead on a page). */
  public static Lead gradeANamed(LeadCaptureService capture, String lastName, String email, String source, String campaign,
      String... activityTypes) {
    return capture.capture(new LeadSubmission(new LeadSubmission.Contact(email, null, lastName, "VP Sales", null),
        new LeadSubmission.Company("Acme", 800, "software", "DE", null), source, campaign, null, null, false, null, null,
        Arrays.stream(activityTypes).map(type -> new LeadSubmission.Activity(type, null, null)).toList()), "test");
  }
}
