package com.leadhandoff.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where webhooks may go ({@code lead-handoff.webhooks.*}). Only https to a public address by default: plain http only
 * where {@code allow-plain-http} (the demo profile), loopback ({@code allow-loopback}) and private, link-local or
 * other non-public networks ({@code allow-private-networks}) only where configured, so that whoever may create a
 * subscription cannot make the server call into its own network. {@code timeout}: connecting and answering, each.
 */
@ConfigurationProperties("lead-handoff.webhooks")
public record WebhookProperties(
    @DefaultValue("false") boolean allowPlainHttp,
    @DefaultValue("false") boolean allowLoopback,
    @DefaultValue("false") boolean allowPrivateNetworks,
    @DefaultValue("PT10S") Duration timeout) {}
