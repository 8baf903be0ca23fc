package com.leadhandoff.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The notification templates: {@code <kind>.txt} (its first line {@code Subject: ...}, then the plain-text body) and
 * {@code <kind>.html}, read from {@code lead-handoff.notifications.templates-folder} when it has the file, else from the
 * shipped {@code notifications/} on the classpath, at each use (an edit shows in the next message). {@code {{name}}}
 * is replaced by the value (HTML-escaped in the HTML); an unknown name stays visible, so a typo shows in the message.
 */
@Component
public class Templates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z]+)\\s*}}");

  /** A rendered notice: subject, plain text and HTML. */
  public record Rendered(String subject, String text, String html) {}

  private final NotificationProperties properties;

  public Templates(NotificationProperties properties) {
    this.properties = properties;
  }

  public Rendered render(String kind, Map<String, String> values) {
    String text = fill(read(kind + ".txt"), values, false);
    if (!text.startsWith("Subject:")) {
      throw new IllegalStateException("Template " + kind + ".txt must start with a 'Subject: ...' line");
    }
    int endOfSubject = text.indexOf('\n');
    String subject = text.substring("Subject:".length(), endOfSubject < 0 ? text.length() : endOfSubject).trim();
    String body = endOfSubject < 0 ? "" : text.substring(endOfSubject + 1).strip() + "\n";
    return new Rendered(subject, body, fill(read(kind + ".html"), values, true));
  }

  private String read(String file) {
    try {
      if (properties.templatesFolder() != null && !properties.templatesFolder().isBlank()) {
        Path own = Path.of(properties.templatesFolder()).resolve(file);
        if (Files.isRegularFile(own)) {
          return Files.readString(own, StandardCharsets.UTF_8);
        }
      }
      return new ClassPathResource("notifications/" + file).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("No notification template " + file, e);
    }
  }

  private static String fill(String template, Map<String, String> values, boolean html) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      String shown = value == null ? matcher.group() : html ? HtmlUtils.htmlEscape(value) : value;
      matcher.appendReplacement(out, Matcher.quoteReplacement(shown));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
