package com.leadhandoff.capture;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A CSV import: progress, counts per outcome, and (when asked) the result of every row. */
public record ImportJob(UUID id, String createdBy, OffsetDateTime createdAt, OffsetDateTime finishedAt, String status, int totalRows,
    int processed, int created, int merged, int rejected, List<Row> rows) {

  /** One row's result: its 1-based number in the file (the header not counted), outcome, lead and why. */
  public record Row(int row, String outcome, UUID leadId, String message) {}
}
