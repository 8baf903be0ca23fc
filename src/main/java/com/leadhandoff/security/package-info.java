/**
 * Who may do what. The one access layer in front of everything the node serves (Spring Security, SecurityConfig):
 * Camunda's users and groups behind HTTP Basic and the login page, integration keys (package integrations), Camunda's
 * container-based authentication that hands the user to the webapps and the REST API, who may call each {@code /api}
 * endpoint (Access), the limit on failed logins per client address, the password hash, security headers and the
 * Origin check; the product's groups and their Camunda authorizations, what a task's workers may do on it (work it,
 * hand it on, read its variables, never set them), that no object variable is stored or deserialized, and the first
 * administrator from the environment.
 */
package com.leadhandoff.security;
