/**
 * Conventions shared by every endpoint: errors are RFC 9457 problem details that list every bad field, whoever answers
 * them (the API's handlers, Spring MVC, the error page, Tomcat, the Camunda REST API), without internals; nothing is
 * written when a request is refused. The OpenAPI description's error answers and problem schema (ApiDocs).
 */
package com.leadhandoff.api;
