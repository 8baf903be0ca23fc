/**
 * Reporting owns the closed-loop figures: each lead's milestones and business-hour step durations
 * ({@link com.leadhandoff.reporting.LeadMilestones}), the report queries on the app's own tables
 * ({@link com.leadhandoff.reporting.Reports}) served under {@code /api/reports} as JSON or CSV, the reports page
 * with its charts ({@code static/reports/}), and the "SLA breaches" plugin on the Cockpit dashboard.
 */
package com.leadhandoff.reporting;
