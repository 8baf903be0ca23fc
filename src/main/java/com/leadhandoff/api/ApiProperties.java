package com.leadhandoff.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits of the product's API ({@code lead-handoff.api.*}). */
@ConfigurationProperties("lead-handoff.api")
public record ApiProperties(long maxBodyBytes, long maxImportBytes) {}
