/**
 * How leads come in: the lead-capture API that web forms, marketing automation and CRM syncs call.
 * It validates and normalises a lead (email, company domain, source from the configured list), stores it
 * and starts its lifecycle process in one transaction, with the lead id as the business key; nobody starts the
 * processes by hand over Camunda's REST API (StartedByCaptureOnly). Reading leads back is the lead package's.
 */
package com.leadhandoff.capture;
