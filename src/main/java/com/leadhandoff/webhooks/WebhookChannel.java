package com.leadhandoff.webhooks;

import com.leadhandoff.outbox.Channel;
import com.leadhandoff.outbox.HttpDelivery;
import com.leadhandoff.outbox.OutboxMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Delivers a webhook message to its subscription's URL: a signed POST (webhook-id = the outbox message's id, the same on
 * every retry and replay; webhook-timestamp = now, in seconds). A 2xx answer delivers it; anything else, a redirect
 * included, is retried. A deleted subscription or a URL that now resolves to a refused address is not tried.
 */
@Component
public class WebhookChannel implements Channel {

  public static final String NAME = "webhook";

  private final WebhookSubscriptions subscriptions;
  private final WebhookAddresses addresses;
  private final WebhookProperties properties;
  private final HttpClient http;

  public WebhookChannel(WebhookSubscriptions subscriptions, WebhookAddresses addresses, WebhookProperties properties) {
    this.subscriptions = subscriptions;
    this.addresses = addresses;
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Integer deliver(OutboxMessage message) throws DeliveryFailure {
    WebhookSubscriptions.Subscription subscription = subscriptions.find(UUID.fromString(message.recipient()))
        .filter(WebhookSubscriptions.Subscription::active)
        .orElseThrow(() -> new DeliveryFailure("the subscription was deleted", null, true, null));
    String refused = addresses.refusal(subscription.url()).orElse(null);
    if (refused != null) {
      throw new DeliveryFailure("not sent: the URL " + refused, null);
    }
    long timestamp = System.currentTimeMillis() / 1000; // the receiver compares it with its own clock
    HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url())).timeout(properties.timeout())
        .header("Content-Type", "application/json").header("User-Agent", "Lead-Handoff-Webhooks")
        .header("webhook-id", message.id().toString()).header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", StandardWebhooks.signature(subscription.secret(), message.id().toString(), timestamp, message.body()))
        .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8)).build();
    return HttpDelivery.post(http, request, subscription.url());
  }
}
