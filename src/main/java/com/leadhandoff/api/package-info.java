/**
 * Conventions shared by every endpoint under {@code /api}: errors are RFC 9457 problem details that list
 * every bad field, and nothing is written when a request is refused.
 */
package com.leadhandoff.api;
