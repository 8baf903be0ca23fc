package com.leadhandoff.capture;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How CSV imports run ({@code lead-handoff.imports.*}): rows per chunk, how long a node holds a chunk without a sign of
 * life (the lease, renewed after every row: a node that dies gives its chunk back after it), how often each node looks
 * for chunks, how many imports may wait, and how many uploads a node reads at once (each holds a database connection
 * while it is read), before the next upload is refused with 503.
 */
@ConfigurationProperties("lead-handoff.imports")
public record ImportProperties(
    @DefaultValue("true") boolean workerEnabled,
    @DefaultValue("100") int chunkSize,
    @DefaultValue("PT1M") Duration lease,
    @DefaultValue("PT2S") Duration pollInterval,
    @DefaultValue("10") int maxWaiting,
    @DefaultValue("2") int maxConcurrentUploads) {}
