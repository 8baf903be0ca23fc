package com.leadhandoff.handoff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Round-robin settings: the open leads a rep may hold unless their own capacity says otherwise. */
@ConfigurationProperties("lead-handoff.routing")
public record RoutingProperties(int defaultCapacity) {}
