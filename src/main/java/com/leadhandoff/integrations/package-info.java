/**
 * Integration keys: one API key per integration (web form, marketing automation, CRM sync), with the scopes it may
 * use (capture, read). Administrators create, rotate and revoke them through {@code /api/integration-keys}; a key is
 * shown once and stored as its SHA-256 only. A request with {@code Authorization: Bearer <key>} is authenticated as
 * the integration (IntegrationKeyFilter); a wrong key locks nothing and counts as a failed login of its address.
 */
package com.leadhandoff.integrations;
