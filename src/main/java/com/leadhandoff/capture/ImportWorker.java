package com.leadhandoff.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.api.InvalidRequestException;
import com.leadhandoff.operations.PollingWorker;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Captures the stored rows of CSV imports on this node, a chunk at a time. Every node runs one; a chunk is taken under
 * a lease (renewed after every row), so a node that dies mid-chunk leaves a chunk whose lease runs out, and another node
 * goes on with it. Each row's capture and its recorded outcome commit together, after the row was locked and found not
 * done: a chunk done again skips the rows already done, and no row is captured twice.
 */
@Component
public class ImportWorker extends PollingWorker {

  private static final Logger LOG = LoggerFactory.getLogger(ImportWorker.class);
  private static final TypeReference<Map<String, String>> CELLS = new TypeReference<>() {};

  private final ImportRepository imports;
  private final LeadCaptureService capture;
  private final ImportProperties properties;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final Clock clock;

  public ImportWorker(ImportRepository imports, LeadCaptureService capture, ImportProperties properties, TransactionTemplate transaction,
      ObjectMapper json, Clock clock) {
    super("lead-import");
    this.imports = imports;
    this.capture = capture;
    this.properties = properties;
    this.transaction = transaction;
    this.json = json;
    this.clock = clock;
  }

  /** Starts once the node is ready (models deployed): a node still starting captures nothing. */
  @EventListener(ApplicationReadyEvent.class)
  public void ready() {
    if (properties.workerEnabled() && startRounds(properties.pollInterval())) {
      LOG.info("Import worker {} looks for chunks every {}", node, properties.pollInterval());
    }
  }

  /** An import was stored on this node: start on it now rather than at the next poll. */
  void wake() {
    roundNow();
  }

  /** Works through the due chunks until none is left (or the node stops). */
  @Override
  protected void round() {
    try {
      while (isRunning() && runOneChunk()) {
        // the next chunk at once
      }
    } catch (RuntimeException e) {
      LOG.warn("Import round failed; the next round tries again", e);
    }
  }

  /** Leases one due chunk and captures its rows; false when no chunk was due. */
  boolean runOneChunk() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    ImportRepository.Chunk chunk = imports.due(now, 8).stream()
        .filter(candidate -> imports.lease(candidate, node, now, now.plus(properties.lease())))
        .findFirst().orElse(null);
    if (chunk == null) {
      return false;
    }
    for (ImportRepository.PendingRow row : imports.pending(chunk)) {
      if (!isRunning()) {
        imports.release(chunk, node);
        return false;
      }
      importRow(chunk, row);
      if (!imports.renew(chunk, node, OffsetDateTime.now(clock).plus(properties.lease()))) {
        LOG.info("Import {} rows {}-{}: lease ran out, another node goes on", chunk.job(), chunk.firstRow(), chunk.lastRow());
        return true;
      }
    }
    transaction.executeWithoutResult(status -> imports.finish(chunk, node, OffsetDateTime.now(clock)));
    return true;
  }

  private void importRow(ImportRepository.Chunk chunk, ImportRepository.PendingRow row) {
    UUID job = chunk.job();
    ImportJob.Row rejected;
    try {
      capture.capture(LeadImportService.submission(cells(row)), chunk.createdBy(), () -> imports.claim(job, row.row()),
          result -> imports.record(job, new ImportJob.Row(row.row(), result.created() ? "created" : "merged", result.lead().id(), null)));
      return;
    } catch (InvalidRequestException invalid) {
      rejected = new ImportJob.Row(row.row(), "rejected", null, invalid.errors().stream()
          .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
    } catch (RuntimeException unexpected) {
      LOG.error("Import {} row {} failed", job, row.row(), unexpected);
      rejected = new ImportJob.Row(row.row(), "rejected", null, "could not be stored: " + unexpected.getClass().getSimpleName());
    }
    ImportJob.Row outcome = rejected;
    transaction.executeWithoutResult(status -> {
      if (imports.claim(job, row.row())) {
        imports.record(job, outcome);
      }
    });
  }

  private Map<String, String> cells(ImportRepository.PendingRow row) {
    try {
      return json.readValue(row.cells(), CELLS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Import row " + row.row() + " was stored unreadable", e);
    }
  }
}
