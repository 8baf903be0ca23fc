package com.leadhandoff.capture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.CsvUpload;
import com.leadhandoff.api.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV imports (UTF-8, a header row). The upload is checked whole as it is read ({@link CsvUpload}: valid UTF-8, known
 * columns with email and source among them, the same number of fields on every line) and its rows are stored with the
 * job in one transaction: a refused file leaves nothing. Then nodes capture the rows, a chunk at a time
 * ({@link ImportWorker}), each on its own by the same rules as the API (validation, one open lead per email); the job
 * records every row's result.
 */
@Service
public class LeadImportService {

  /** The columns a file may have; email and source are required. */
  static final List<String> COLUMNS = List.of("email", "first_name", "last_name", "title", "phone", "company", "company_size",
      "industry", "country", "website", "source", "campaign", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
      "first_touch_content", "consent", "buying_timeframe", "first_meeting_expectation");
  static final int MAX_ROWS = 100_000;
  /** Rows stored per batch insert while the upload is read. */
  private static final int BATCH = 500;

  private final ImportRepository imports;
  private final ImportWorker worker;
  private final ImportProperties properties;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final Clock clock;
  private final Semaphore reading;

  public LeadImportService(ImportRepository imports, ImportWorker worker, ImportProperties properties, TransactionTemplate transaction,
      ObjectMapper json, Clock clock) {
    this.imports = imports;
    this.worker = worker;
    this.properties = properties;
    this.transaction = transaction;
    this.json = json;
    this.clock = clock;
    this.reading = new Semaphore(properties.maxConcurrentUploads());
  }

  /** Checks the whole file and stores its rows with the job; a bad file is refused with every problem found. */
  public ImportJob start(InputStream csv, String caller) throws IOException {
    // the upload is read within its transaction: a slow client holds a database connection meanwhile
    if (!reading.tryAcquire()) {
      throw new ImportQueueFullException(properties.maxConcurrentUploads() + " uploads are being read on this node already; try again shortly.");
    }
    UUID id = UUID.randomUUID();
    try {
      transaction.executeWithoutResult(status -> {
        if (imports.waiting() >= properties.maxWaiting()) {
          throw new ImportQueueFullException(properties.maxWaiting() + " imports are waiting already; try again in a few minutes.");
        }
        imports.create(id, caller, OffsetDateTime.now(clock));
        List<ImportRepository.PendingRow> batch = new ArrayList<>();
        try {
          int rows = CsvUpload.check(csv, COLUMNS, List.of("email", "source"), MAX_ROWS, (number, cells) -> {
            batch.add(new ImportRepository.PendingRow(number, json.valueToTree(cells).toString()));
            if (batch.size() == BATCH) {
              imports.addRows(id, batch);
              batch.clear();
            }
          });
          imports.addRows(id, batch);
          imports.stored(id, rows, properties.chunkSize());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      reading.release();
    }
    worker.wake();
    return imports.find(id, null).orElseThrow();
  }

  public Optional<ImportJob> job(UUID id, String outcome) {
    return imports.find(id, outcome);
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

  /** So many imports wait already, or uploads are being read; the caller should try again later. */
  public static class ImportQueueFullException extends RuntimeException {
    ImportQueueFullException(String why) {
      super(why);
    }
  }
}
