package com.leadhandoff.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the product's API ({@code lead-handoff.api.*}): body sizes, and how long reading a body may take (a client
 * that sends it a byte at a time holds a server thread no longer).
 */
@ConfigurationProperties("lead-handoff.api")
public record ApiProperties(long maxBodyBytes, long maxImportBytes, Duration bodyReadTimeout, Duration importReadTimeout) {}
