package com.leadhandoff.notifications;

import com.leadhandoff.outbox.Channel;
import com.leadhandoff.outbox.OutboxMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Notification emails over SMTP (Spring Boot's mail support: {@code spring.mail.host} and friends), text and HTML, the
 * outbox message's id as the Message-ID. Without a mail server the channel is off, except in the demo mailbox
 * ({@code lead-handoff.notifications.demo-mailbox}), which keeps the emails as sent for {@code GET /api/outbox/messages}.
 */
@Component
public class EmailChannel implements Channel {

  public static final String NAME = "email";
  private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

  private final JavaMailSender mail;
  private final NotificationProperties properties;

  public EmailChannel(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
    this.mail = mail.getIfAvailable();
    this.properties = properties;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Whether notifications should write emails at all: a mail server, or the demo mailbox. */
  boolean available() {
    return mail != null || properties.demoMailbox();
  }

  @Override
  public Integer deliver(OutboxMessage message) throws DeliveryFailure {
    if (mail == null) {
      if (!properties.demoMailbox()) {
        throw new DeliveryFailure("no mail server is configured (spring.mail.host)", null, true, null);
      }
      log.info("Demo mailbox: '{}' to {} kept, not sent (GET /api/outbox/messages?channel=email)", message.subject(), message.recipient());
      return null;
    }
    try {
      MimeMessage mime = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(message.recipient());
      helper.setSubject(message.subject());
      helper.setText(message.body(), message.html() == null ? message.body() : message.html());
      mime.saveChanges();
      mime.setHeader("Message-ID", "<" + message.id() + "@lead-handoff>"); // after saveChanges, which sets its own
      mail.send(mime);
      return null;
    } catch (MessagingException | MailException e) {
      throw new DeliveryFailure("SMTP: " + e.getMessage(), null, false, e);
    }
  }
}
