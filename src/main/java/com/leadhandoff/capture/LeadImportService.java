package com.leadhandoff.capture;

import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.CsvUpload;
import com.leadhandoff.api.InvalidRequestException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * CSV imports (UTF-8, a header row). The file is checked whole before anything is written ({@link CsvUpload}: valid
 * UTF-8, known columns with email and source among them, the same number of fields on every line). Then each row
 * is captured on its own, all or nothing, by the same rules as the API (validation, one open lead per
 * email), in the background; the job records every row's result.
 */
@Service
public class LeadImportService {

  /** The columns a file may have; email and source are required. */
  static final List<String> COLUMNS = List.of("email", "first_name", "last_name", "title", "phone", "company", "company_size",
      "industry", "country", "website", "source", "campaign", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
      "first_touch_content", "consent", "buying_timeframe", "first_meeting_expectation");
  static final int MAX_ROWS = 100_000;
  private static final Logger LOG = LoggerFactory.getLogger(LeadImportService.class);

  private final LeadCaptureService capture;
  private final ImportRepository imports;
  private final ThreadPoolTaskExecutor worker;
  private final Clock clock;
  private volatile Future<?> lastAccepted;

  public LeadImportService(LeadCaptureService capture, ImportRepository imports, Clock clock) {
    this.clock = clock;
    this.capture = capture;
    this.imports = imports;
    this.worker = new ThreadPoolTaskExecutor();
    worker.setCorePoolSize(1);
    worker.setMaxPoolSize(1);
    worker.setQueueCapacity(10);
    worker.setThreadNamePrefix("lead-import-");
    worker.setWaitForTasksToCompleteOnShutdown(true);
    worker.initialize();
  }

  /** A job accepted for import, and the background work that imports it. */
  public record Started(ImportJob job, Future<?> done) {}

  /** Checks the whole file, then imports it in the background; a bad file is refused with every problem found. */
  public Started start(InputStream csv, String caller) throws IOException {
    Path file = Files.createTempFile("lead-import-", ".csv");
    try {
      int rows = CsvUpload.copyAndCheck(csv, file, COLUMNS, List.of("email", "source"), MAX_ROWS);
      UUID id = UUID.randomUUID();
      imports.create(id, caller, OffsetDateTime.now(clock), rows);
      Future<?> done;
      try {
        done = worker.submit(() -> run(id, file, caller));
        lastAccepted = done;
      } catch (TaskRejectedException busy) {
        imports.finish(id, "REFUSED", OffsetDateTime.now(clock));
        throw new ImportQueueFullException();
      }
      return new Started(imports.find(id, null).orElseThrow(), done);
    } catch (RuntimeException | IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  public java.util.Optional<ImportJob> job(UUID id, String outcome) {
    return imports.find(id, outcome);
  }

  /** Imports every row of a checked file, recording each row's result. */
  private void run(UUID job, Path file, String caller) {
    int[] row = {0};
    try {
      CsvUpload.read(file, (number, cells) -> {
        row[0] = number;
        imports.addRow(job, importRow(number, cells, caller));
      });
      imports.finish(job, "DONE", OffsetDateTime.now(clock));
    } catch (IOException | RuntimeException e) {
      LOG.error("Import {} stopped at row {}", job, row[0], e);
      imports.finish(job, "FAILED", OffsetDateTime.now(clock));
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.warn("Could not delete {}", file, e);
      }
    }
  }

  private ImportJob.Row importRow(int row, Map<String, String> values, String caller) {
    try {
      CaptureResult result = capture.capture(submission(values), caller, null);
      return new ImportJob.Row(row, result.created() ? "created" : "merged", result.lead().id(), null);
    } catch (InvalidRequestException invalid) {
      return new ImportJob.Row(row, "rejected", null, invalid.errors().stream()
          .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
    } catch (RuntimeException unexpected) {
      LOG.error("Import row {} failed", row, unexpected);
      return new ImportJob.Row(row, "rejected", null, "could not be stored: " + unexpected.getClass().getSimpleName());
    }
  }

  /** A row as the API's submission; cells that cannot be converted are reported like invalid fields. */
  static LeadSubmission submission(Map<String, String> v) {
    List<FieldError> errors = new ArrayList<>();
    Integer size = null;
    if (present(v, "company_size")) {
      try {
        size = Integer.valueOf(v.get("company_size"));
      } catch (NumberFormatException notANumber) {
        errors.add(new FieldError("company_size", "is not a whole number"));
      }
    }
    boolean consent = false;
    if (present(v, "consent")) {
      String answer = v.get("consent").toLowerCase(Locale.ROOT);
      if (Set.of("true", "yes", "1").contains(answer)) {
        consent = true;
      } else if (!Set.of("false", "no", "0").contains(answer)) {
        errors.add(new FieldError("consent", "must be true/false, yes/no or 1/0"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new LeadSubmission(
        new LeadSubmission.Contact(v.get("email"), cell(v, "first_name"), cell(v, "last_name"), cell(v, "title"), cell(v, "phone")),
        new LeadSubmission.Company(cell(v, "company"), size, cell(v, "industry"), cell(v, "country"), cell(v, "website")),
        v.get("source"), cell(v, "campaign"),
        new LeadSubmission.Utm(cell(v, "utm_source"), cell(v, "utm_medium"), cell(v, "utm_campaign"), cell(v, "utm_term"), cell(v, "utm_content")),
        cell(v, "first_touch_content"), consent, cell(v, "buying_timeframe"), cell(v, "first_meeting_expectation"), null);
  }

  private static boolean present(Map<String, String> values, String column) {
    return values.get(column) != null && !values.get(column).isBlank();
  }

  private static String cell(Map<String, String> values, String column) {
    return present(values, column) ? values.get(column) : null;
  }

  /** Ten files wait already; the caller should try again later. */
  public static class ImportQueueFullException extends RuntimeException {
    ImportQueueFullException() {
      super("Ten imports are waiting already; try again in a few minutes.");
    }
  }

  /** Waits until every import accepted so far has finished (the one worker runs them in order). */
  void awaitAccepted() throws InterruptedException, java.util.concurrent.ExecutionException {
    Future<?> last = lastAccepted;
    if (last != null) {
      last.get();
    }
  }

  @PreDestroy
  void stop() {
    worker.shutdown(); // finishes the running and queued imports first
  }
}
