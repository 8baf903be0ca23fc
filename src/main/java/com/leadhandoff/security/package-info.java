/**
 * Who may do what. Authentication for the Camunda REST API ({@code /engine-rest}, HTTP Basic against
 * Camunda's identity service, as Camunda Modeler deploys) and for the product's own API ({@code /api}),
 * the group each {@code /api} endpoint requires ({@link com.leadhandoff.security.AllowedGroups}), the
 * product's groups and their Camunda authorizations, what a task's workers may do on it (work it, hand it on, read its
 * variables, never set them), that no object variable is stored or deserialized, and the first administrator from the
 * environment.
 */
package com.leadhandoff.security;
