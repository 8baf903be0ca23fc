package com.leadhandoff.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The channels each user chose; a user who chose nothing gets email. */
@Repository
public class NotificationPreferences {

  public static final List<String> CHANNELS = List.of(EmailChannel.NAME, ChatChannel.SLACK, ChatChannel.TEAMS);
  static final List<String> DEFAULT = List.of(EmailChannel.NAME);

  private final JdbcClient jdbc;

  /** The engine's clock (operations.EngineClock). */
  private final Clock time;

  public NotificationPreferences(JdbcClient jdbc, Clock time) {
    this.time = time;
    this.jdbc = jdbc;
  }

  public List<String> channels(String userId) {
    return stored(userId).orElse(DEFAULT);
  }

  Optional<List<String>> stored(String userId) {
    return jdbc.sql("select channels from notification_preferences where user_id = :user").param("user", userId).query(String.class)
        .optional().map(channels -> channels.isBlank() ? List.<String>of() : Arrays.asList(channels.split(" ")));
  }

  void save(String userId, List<String> channels) {
    String value = String.join(" ", channels);
    int updated = jdbc.sql("update notification_preferences set channels = :channels, updated_at = :now where user_id = :user")
        .param("channels", value).param("now", OffsetDateTime.now(time)).param("user", userId).update();
    if (updated == 0) {
      jdbc.sql("insert into notification_preferences (user_id, channels, updated_at) values (:user, :channels, :now)")
          .param("user", userId).param("channels", value).param("now", OffsetDateTime.now(time)).update();
    }
  }
}
