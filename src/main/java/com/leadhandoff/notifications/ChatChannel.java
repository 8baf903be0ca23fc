package com.leadhandoff.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.outbox.Channel;
import com.leadhandoff.outbox.HttpDelivery;
import com.leadhandoff.outbox.OutboxMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * A post to a chat channel through its incoming webhook: Slack ({@code {"text": ...}}) or Microsoft Teams (an Adaptive
 * Card, as Teams' workflow webhooks take it). The message's recipient is a group (a sales team, sales-managers,
 * marketing); its URL comes from the configuration at delivery, so the database never holds the webhook's secret URL.
 */
public class ChatChannel implements Channel {

  public static final String SLACK = "slack";
  public static final String TEAMS = "teams";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Map<String, String> urls;
  private final Function<String, String> payload;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ChatChannel(String name, Map<String, String> urls, Function<String, String> payload) {
    this.name = name;
    this.urls = urls;
    this.payload = payload;
  }

  static ChatChannel slack(Map<String, String> urls) {
    // Slack reads <...> as links and mentions (<!channel>): a lead's text is escaped as Slack asks, & < > as entities
    return new ChatChannel(SLACK, urls, text -> JSON.createObjectNode()
        .put("text", text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).toString());
  }

  static ChatChannel teams(Map<String, String> urls) {
    return new ChatChannel(TEAMS, urls, text -> {
      ObjectNode message = JSON.createObjectNode().put("type", "message");
      ObjectNode card = message.putArray("attachments").addObject().put("contentType", "application/vnd.microsoft.card.adaptive")
          .putObject("content").put("type", "AdaptiveCard").put("version", "1.4").put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
      card.putArray("body").addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
      return message.toString();
    });
  }

  /** Whether a group has a channel here. */
  boolean hasChannel(String group) {
    return urls.containsKey(group);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Integer deliver(OutboxMessage message) throws DeliveryFailure {
    String url = urls.get(message.recipient());
    if (url == null) {
      throw new DeliveryFailure("no " + name + " channel is configured for " + message.recipient(), null, true, null);
    }
    return HttpDelivery.post(http, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(payload.apply(message.body()), StandardCharsets.UTF_8)).build(), name);
  }
}
