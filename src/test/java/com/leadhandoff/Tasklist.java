package com.leadhandoff;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Camunda Tasklist in a real (headless) Chromium, driven by Playwright (src/test/js/tasklist-e2e.mjs): one
 * browser for as long as this lives, one logged-in context per user. Each {@link #step} is one user opening
 * one task, filling its Camunda Form by field key, pressing Complete and telling what they saw; the test runs
 * the lead's due jobs and checks the lead between steps. Screenshots land in target/e2e-screenshots.
 */
public final class Tasklist implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots").toAbsolutePath();
  static final int STEP_SECONDS = 120;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESULT = "@@result ";

  private final Process node;
  private final Writer steps;
  private final BlockingQueue<String> results = new LinkedBlockingQueue<>();

  /** What the user saw after pressing Complete (see runStep in src/test/js/tasklist-lib.mjs). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Observation(String journey, String step, String user, String taskId, String outcome, boolean formGone,
      Boolean stillListed, List<String> dangerNotifications, List<String> otherNotifications, List<String> fieldErrors,
      boolean engineText, List<String> serverErrors, List<String> refusals, List<String> pageErrors, List<String> submitted,
      List<String> failedRequests, List<String> screenshots, String driverError, long millis, String formText, int formLinks, int formImages) {

    /** Every message the user was shown: notifications and the fields' errors. */
    public String shownText() {
      List<String> all = new ArrayList<>();
      if (dangerNotifications != null) {
        all.addAll(dangerNotifications);
      }
      if (fieldErrors != null) {
        all.addAll(fieldErrors);
      }
      return String.join(" | ", all);
    }

    /** What was shown and what the form sent, for a failure's message. */
    public String describe() {
      return "shown: [" + shownText() + "], sent: " + submitted + (driverError == null ? ""
          : ", driver: " + driverError + ", page errors: " + pageErrors + ", failed requests: " + failedRequests);
    }
  }

  private Tasklist(Process node) {
    this.node = node;
    this.steps = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("@@")) {
            results.add(line);
          } else {
            System.out.println("[tasklist-e2e] " + line);
          }
        }
      } catch (IOException e) {
        results.add("@@closed " + e);
      }
      results.add("@@closed");
    }, "tasklist-e2e-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the browser against the app on the given port. */
  public static Tasklist start(int port) {
    try {
      Process node = new ProcessBuilder("node", "tasklist-e2e.mjs", "http://localhost:" + port,
          Path.of("processes", "forms").toAbsolutePath().toString(), SCREENSHOTS.toString())
          .directory(Path.of("src", "test", "js").toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      Tasklist tasklist = new Tasklist(node);
      String ready = tasklist.next(150);
      if (!"@@ready".equals(ready)) {
        tasklist.close();
        throw new IllegalStateException("the Tasklist browser did not start: " + ready);
      }
      return tasklist;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The user opens the task in Tasklist, answers the form (values by field key: option values, lists for
   * checklists, {date: mm/dd/yyyy, time: hh:mm am} for a date and time) and presses Complete.
   */
  public Observation step(String journey, String step, String user, String taskId, String formId, Map<String, ?> answers) {
    Map<String, Object> command = new LinkedHashMap<>();
    command.put("journey", journey);
    command.put("step", step);
    command.put("user", user);
    command.put("password", TestUsers.PASSWORD);
    command.put("taskId", taskId);
    command.put("form", formId);
    command.put("answers", answers);
    try {
      steps.write(JSON.writeValueAsString(command) + "\n");
      steps.flush();
      String line = next(STEP_SECONDS);
      if (line == null || !line.startsWith(RESULT)) {
        node.destroyForcibly(); // a late answer must not be taken for the next step's
        throw new IllegalStateException(journey + " " + step + ": the browser gave no answer within " + STEP_SECONDS + " s: " + line);
      }
      return JSON.readValue(line.substring(RESULT.length()), Observation.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the browser still takes steps (it is stopped after a step that did not answer in time). */
  public boolean alive() {
    return node.isAlive();
  }

  private String next(int seconds) {
    try {
      return results.poll(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      steps.write("\n");
      steps.close();
    } catch (IOException e) {
      // the browser is gone already
    }
    try {
      if (!node.waitFor(30, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    } catch (InterruptedException e) {
      node.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
