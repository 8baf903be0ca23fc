package com.leadhandoff.lead;

/** What the qualification decisions said about a lead. */
public record Qualification(
    Integer fitScore, String fitGrade, Integer engagementScore, String priority, String mqlOutcome, String mqlReason) {}
