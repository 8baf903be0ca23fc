/**
 * The lead record the product keeps beside the engine: the lead's facts, its current status (its lifecycle stage), the
 * journal of every stage it reached and every SLA event (warning, breach, escalation) with its time, and the audit of
 * every decision taken about it, its outputs with their own types. Processes write
 * stages through {@code leadJournal}; reports and the lead API read these tables, not Camunda history. The lead's
 * read view (GET /api/leads, /api/leads/{id}) lives here; each feature adds what it keeps about a lead through a
 * {@link com.leadhandoff.lead.LeadViewPart}, so the lead depends on none of them.
 */
package com.leadhandoff.lead;
