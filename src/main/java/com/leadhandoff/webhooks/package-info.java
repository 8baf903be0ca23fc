/**
 * Webhooks owns telling integrators' systems (a CRM) what happens to leads: the subscriptions administrators manage
 * through {@code /api/webhooks} (an https URL on a public address, the event types, a secret shown once), the events
 * (lead.captured ... lead.erased, sla.warning, sla.breached) written to the outbox in the transaction of the step that
 * causes them, in order per subscription and lead, their delivery signed per the Standard Webhooks specification, and
 * each subscription's delivery log with replay.
 */
package com.leadhandoff.webhooks;
