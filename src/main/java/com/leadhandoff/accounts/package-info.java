/**
 * Accounts: the companies sales already knows (customers, companies with an open opportunity, targets), each with
 * its domains, owner (a rep), status and the CRM's external id. A CRM keeps them in sync through the API (an
 * idempotent upsert by external id) or a CSV import; the product creates or updates one when a lead becomes an
 * opportunity or is won. At capture a lead is matched to an account by its email or website domain (and their
 * parent domains; free-mail domains never match), else by its normalised company name (Jaro-Winkler similarity
 * above a threshold, scored against the few accounts that share the name's prefix); the match is stored on the lead
 * and the account's status and owner become inputs of the routing and SLA decisions.
 */
package com.leadhandoff.accounts;
