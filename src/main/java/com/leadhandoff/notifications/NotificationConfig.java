package com.leadhandoff.notifications;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The chat channels, one per chat product, and the schedule the daily digest runs on. */
@Configuration
@EnableScheduling
public class NotificationConfig {

  @Bean
  ChatChannel slackChannel(NotificationProperties properties) {
    return ChatChannel.slack(properties.slack());
  }

  @Bean
  ChatChannel teamsChannel(NotificationProperties properties) {
    return ChatChannel.teams(properties.teams());
  }
}
