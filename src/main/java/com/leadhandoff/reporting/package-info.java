/**
 * Reporting owns the closed-loop figures: each lead's milestones and business-hour step durations in its own table
 * lead_milestones ({@link com.leadhandoff.reporting.LeadMilestones}, kept from the lead's stage events), the report
 * queries ({@link com.leadhandoff.reporting.Reports}; reporting is the read model: the one feature that reads the
 * others' tables, never writing them) served under {@code /api/reports} as JSON or CSV, the reports page with its
 * charts ({@code static/reports/}), and the "SLA breaches" plugin on the Cockpit dashboard.
 */
package com.leadhandoff.reporting;
