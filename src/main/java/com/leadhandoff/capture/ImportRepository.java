package com.leadhandoff.capture;

import com.leadhandoff.lead.PersonalDataErased;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import jobs and their per-row results. */
@Repository
class ImportRepository {

  private final JdbcClient jdbc;

  ImportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A lead's erasure: whatever an import keeps about the lead goes here (a row's message may quote the submitted values). */
  @EventListener
  public void erase(PersonalDataErased erasure) {
    jdbc.sql("update import_rows set message = null where lead_id = :id").param("id", erasure.leadId()).update();
  }

  void create(UUID id, String createdBy, OffsetDateTime at, int totalRows) {
    jdbc.sql("insert into import_jobs (id, created_by, created_at, status, total_rows) values (:id, :by, :at, 'RUNNING', :total)")
        .param("id", id).param("by", createdBy).param("at", at).param("total", totalRows).update();
  }

  void addRow(UUID job, ImportJob.Row row) {
    jdbc.sql("insert into import_rows (job_id, row_number, outcome, lead_id, message) values (:job, :row, :outcome, :lead, :message)")
        .param("job", job).param("row", row.row()).param("outcome", row.outcome()).param("lead", row.leadId())
        .param("message", row.message()).update();
    jdbc.sql("update import_jobs set processed = processed + 1, " + row.outcome() + " = " + row.outcome() + " + 1 where id = :job")
        .param("job", job).update();
  }

  void finish(UUID job, String status, OffsetDateTime at) {
    jdbc.sql("update import_jobs set status = :status, finished_at = :at where id = :job")
        .param("status", status).param("at", at).param("job", job).update();
  }

  Optional<ImportJob> find(UUID id, String outcome) {
    List<ImportJob.Row> rows = jdbc.sql("select * from import_rows where job_id = :job"
            + (outcome == null ? "" : " and outcome = :outcome") + " order by row_number")
        .param("job", id).param("outcome", outcome)
        .query((rs, n) -> new ImportJob.Row(rs.getInt("row_number"), rs.getString("outcome"), rs.getObject("lead_id", UUID.class),
            rs.getString("message")))
        .list();
    return jdbc.sql("select * from import_jobs where id = :id").param("id", id)
        .query((rs, n) -> new ImportJob(rs.getObject("id", UUID.class), rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class), rs.getString("status"),
            rs.getInt("total_rows"), rs.getInt("processed"), rs.getInt("created"), rs.getInt("merged"), rs.getInt("rejected"), rows))
        .optional();
  }
}
