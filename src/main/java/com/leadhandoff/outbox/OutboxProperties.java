package com.leadhandoff.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox delivers ({@code lead-handoff.outbox.*}): how often each node looks for due messages, how many it
 * takes at once and for how long (the lease: a node that dies holding messages gives them back after it), the retries
 * (attempt n waits between half and all of {@code first-retry} x 2^(n-1), at most {@code max-retry}), and the lag
 * after which the health says LAGGING.
 */
@ConfigurationProperties("lead-handoff.outbox")
public record OutboxProperties(
    @DefaultValue("true") boolean workerEnabled,
    @DefaultValue("PT1S") Duration pollInterval,
    @DefaultValue("50") int batchSize,
    @DefaultValue("4") int threads,
    @DefaultValue("PT1M") Duration lease,
    @DefaultValue("10") int maxAttempts,
    @DefaultValue("PT30S") Duration firstRetry,
    @DefaultValue("PT6H") Duration maxRetry,
    @DefaultValue("PT5M") Duration maxLag) {}
