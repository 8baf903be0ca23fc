/**
 * Privacy owns the GDPR erasure of a lead ({@code DELETE /api/leads/{id}/personal-data}): personal fields and free
 * text are removed from the app's tables and from Camunda's runtime and history variables and decision history,
 * while what reports count (source, campaign, team, stages, milestones) stays, and an audit row says who erased
 * what and when.
 */
package com.leadhandoff.privacy;
