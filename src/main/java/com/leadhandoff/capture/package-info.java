/**
 * How leads come in: the lead-capture API that web forms, marketing automation and CRM syncs call.
 * It validates and normalises a lead (email, company domain, source from the configured list), stores it
 * and starts its lifecycle process in one transaction, with the lead id as the business key; nobody starts the
 * processes by hand over Camunda's REST API (StartedByCaptureOnly). Reading leads back is the lead package's. CSV
 * imports are durable: the upload's rows are stored with the job in one transaction (no file), then every node's
 * {@link com.leadhandoff.capture.ImportWorker} captures them a chunk at a time under a lease, each row's capture and
 * outcome committed together, so a node that dies mid-chunk leaves the rest to another and no row is captured twice.
 */
package com.leadhandoff.capture;
