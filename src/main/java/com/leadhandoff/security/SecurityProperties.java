package com.leadhandoff.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lead-handoff.security}: how many failed logins (passwords or integration keys) a client address has per
 * period, and whether the OpenAPI description and Swagger UI are open without a login (the demo profile only).
 */
@ConfigurationProperties("lead-handoff.security")
public record SecurityProperties(int failedLoginsPerAddress, Duration failedLoginsPeriod, boolean publicApiDocs) {}
