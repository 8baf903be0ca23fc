package com.leadhandoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Passwords come from the environment; only the demo profile has a (demo) password in the repository. */
class NoSecretsInRepositoryTest {

  static final Pattern ASSIGNED_SECRET = Pattern.compile("(?i)(password|secret|token)[\"']?\\s*[:=]\\s*([^\\s#,}]+)");

  @Test
  void configurationAndComposeFilesHoldNoLiteralSecrets() throws IOException {
    List<Path> files;
    try (Stream<Path> main = Files.walk(Path.of("src/main"))) {
      files = Stream.concat(main.filter(Files::isRegularFile), Stream.of(Path.of("docker-compose.yml")))
          .filter(file -> !file.getFileName().toString().equals("application-demo.yaml"))
          .toList();
    }
    for (Path file : files) {
      Matcher matcher = ASSIGNED_SECRET.matcher(Files.readString(file));
      while (matcher.find()) {
        String value = matcher.group(2);
        assertThat(value.startsWith("${") || value.startsWith("$${") || value.startsWith("\"${") || value.equals("\"\"")
            || !Character.isLetterOrDigit(value.charAt(0)))
            .as("%s assigns a literal secret: %s", file, matcher.group())
            .isTrue();
      }
    }
  }
}
