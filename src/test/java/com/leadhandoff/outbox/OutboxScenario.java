package com.leadhandoff.outbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app with everything that leaves it pointed at real receivers inside the test JVM: GreenMail as the SMTP server,
 * a local HTTP receiver as the Slack and Teams channels and as the integrators' webhook endpoints (loopback and plain
 * http allowed explicitly, as only tests and the demo do). The outbox worker runs as on a node, polling often; retries
 * wait 30 s and more on the engine's clock, which the tests move.
 */
public abstract class OutboxScenario extends LeadScenario {

  protected static final GreenMail MAIL = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  protected static final Receiver HTTP = Receiver.onFreePort().up();

  static {
    MAIL.start();
  }

  @DynamicPropertySource
  static void receivers(DynamicPropertyRegistry properties) {
    // a second context in the JVM: its engine must not take the name the other contexts' webapps look up
    properties.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    properties.add("lead-handoff.notifications.base-url", () -> "https://leads.example.com");
    properties.add("lead-handoff.notifications.slack.sales-emea", () -> HTTP.url("/slack/sales-emea"));
    properties.add("lead-handoff.notifications.teams.sales-managers", () -> HTTP.url("/teams/sales-managers"));
    properties.add("lead-handoff.notifications.digest.enabled", () -> "false");
    properties.add("lead-handoff.webhooks.allow-plain-http", () -> "true");
    properties.add("lead-handoff.webhooks.allow-loopback", () -> "true");
    properties.add("lead-handoff.outbox.poll-interval", () -> "PT0.1S");
    properties.add("lead-handoff.outbox.max-attempts", () -> "4");
  }

  @BeforeEach
  void receiversAndPeople() {
    HTTP.up();
    user("notify-rep-1", "sales-emea");
    user("notify-rep-2", "sales-emea");
    user("notify-manager", "sales-managers");
    TestUsers.ensure(engine.getIdentityService(), "notify-webform", "lead-integration");
  }

  /** A user with an email address at the tests' own domain. */
  protected void user(String id, String... groups) {
    IdentityService identity = engine.getIdentityService();
    TestUsers.ensure(identity, id, groups);
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user.getEmail() == null) {
      user.setEmail(id + "@reps.example");
      identity.saveUser(user);
    }
  }

  /** The emails GreenMail has received for an address so far. */
  protected static List<MimeMessage> mailTo(String address) {
    return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  protected static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plain text of an email. */
  protected static String text(MimeMessage message) {
    try {
      return part(message, "text/plain");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text or HTML part of a multipart/alternative email (Spring nests it in multipart/mixed). */
  protected static String part(jakarta.mail.Part message, String type) throws Exception {
    if (message.isMimeType(type)) {
      return (String) message.getContent();
    }
    if (message.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = part(multipart.getBodyPart(i), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
