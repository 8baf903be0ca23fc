package com.leadhandoff.notifications;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code lead-handoff.notifications.*}): the address links point to ({@code base-url}, e.g.
 * {@code https://leads.example.com}), the sender, a folder whose templates replace the shipped ones, whether SLA
 * warnings wait for the recipient's working time, the demo mailbox (the demo profile keeps emails without a mail
 * server), the chat channels (incoming webhook URLs, secrets: set them by environment variable) by group, e.g.
 * {@code slack.sales-emea}, {@code teams.sales-managers}, and the managers' daily digest.
 */
@ConfigurationProperties("lead-handoff.notifications")
public record NotificationProperties(
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("Lead Handoff <lead-handoff@localhost>") String from,
    String templatesFolder,
    @DefaultValue("true") boolean warningsInWorkingTime,
    @DefaultValue("false") boolean demoMailbox,
    Map<String, String> slack,
    Map<String, String> teams,
    @DefaultValue Digest digest) {

  public NotificationProperties {
    slack = slack == null ? Map.of() : Map.copyOf(slack);
    teams = teams == null ? Map.of() : Map.copyOf(teams);
  }

  /** The daily digest for sales managers: when (a Spring cron expression in the zone), or off. */
  public record Digest(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 8 * * MON-FRI") String cron,
      @DefaultValue("Europe/Berlin") String zone) {}
}
