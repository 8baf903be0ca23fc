/**
 * Privacy owns what is personal and the GDPR erasure of a lead ({@code DELETE /api/leads/{id}/personal-data}).
 * {@link com.leadhandoff.privacy.PersonalData} is the one declaration ({@code privacy/personal-data.txt}): every
 * process variable, form field and text column of the lead's record is personal or kept; what nobody declared counts
 * as personal. The erasure removes the personal data from the lead's record (through LeadRepository), from the other
 * features' tables (each on {@link com.leadhandoff.lead.PersonalDataErased}) and from Camunda (variables in every
 * scope, comments, attachments, task and decision history; an ended instance's whole history), in one transaction,
 * while what reports count (source, campaign, team, stages, milestones) stays, and an audit row says who erased what
 * and when.
 */
package com.leadhandoff.privacy;
