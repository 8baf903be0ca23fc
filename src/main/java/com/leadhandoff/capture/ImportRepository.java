package com.leadhandoff.capture;

import com.leadhandoff.lead.PersonalDataErased;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import jobs, their rows (the uploaded cells until a row's outcome is recorded) and the chunks still to do. */
@Repository
class ImportRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;

  ImportRepository(JdbcClient jdbc, JdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /** The rows of a job from first to last row (inclusive), and who started it (its rows are captured as them). */
  record Chunk(UUID job, int firstRow, int lastRow, String createdBy) {}

  /** A row not done yet: its number and its cells as uploaded (a JSON object). */
  record PendingRow(int row, String cells) {}

  /** A lead's erasure: whatever an import keeps about the lead goes here (a row's message may quote the submitted values). */
  @EventListener
  public void erase(PersonalDataErased erasure) {
    jdbc.sql("update import_rows set message = null where lead_id = :id").param("id", erasure.leadId()).update();
  }

  /** Imports no node has started yet. */
  int waiting() {
    return jdbc.sql("select count(*) from import_jobs where status = 'QUEUED'").query(Integer.class).single();
  }

  void create(UUID id, String createdBy, OffsetDateTime at) {
    jdbc.sql("insert into import_jobs (id, created_by, created_at, status, total_rows) values (:id, :by, :at, 'QUEUED', 0)")
        .param("id", id).param("by", createdBy).param("at", at).update();
  }

  void addRows(UUID job, List<PendingRow> rows) {
    batches.batchUpdate("insert into import_rows (job_id, row_number, cells) values (?, ?, ?)", rows, rows.size(), (statement, row) -> {
      statement.setObject(1, job);
      statement.setInt(2, row.row());
      statement.setString(3, row.cells());
    });
  }

  /** Every row is stored: the job's total, and its rows in chunks of the given size. */
  void stored(UUID job, int totalRows, int chunkSize) {
    jdbc.sql("update import_jobs set total_rows = :total where id = :job").param("total", totalRows).param("job", job).update();
    List<Integer> firstRows = java.util.stream.IntStream.iterate(1, row -> row <= totalRows, row -> row + chunkSize).boxed().toList();
    batches.batchUpdate("insert into import_chunks (job_id, first_row, last_row) values (?, ?, ?)", firstRows, firstRows.size(),
        (statement, first) -> {
          statement.setObject(1, job);
          statement.setInt(2, first);
          statement.setInt(3, Math.min(first + chunkSize - 1, totalRows));
        });
  }

  /** Chunks no node holds (never leased, or the lease ran out), the oldest import's first. */
  List<Chunk> due(OffsetDateTime now, int limit) {
    return jdbc.sql("""
        select c.job_id, c.first_row, c.last_row, j.created_by from import_chunks c join import_jobs j on j.id = c.job_id
        where c.lease_until is null or c.lease_until < :now order by j.created_at, c.first_row limit :limit""")
        .param("now", now).param("limit", limit)
        .query((rs, n) -> new Chunk(rs.getObject("job_id", UUID.class), rs.getInt("first_row"), rs.getInt("last_row"), rs.getString("created_by")))
        .list();
  }

  /** Takes the lease on a due chunk (its import is running from then on); false when another node took it first. */
  boolean lease(Chunk chunk, String node, OffsetDateTime now, OffsetDateTime until) {
    boolean leased = jdbc.sql("""
        update import_chunks set lease_owner = :node, lease_until = :until
        where job_id = :job and first_row = :first and (lease_until is null or lease_until < :now)""")
        .param("node", node).param("until", until).param("job", chunk.job()).param("first", chunk.firstRow()).param("now", now)
        .update() == 1;
    if (leased) {
      jdbc.sql("update import_jobs set status = 'RUNNING' where id = :job and status = 'QUEUED'").param("job", chunk.job()).update();
    }
    return leased;
  }

  /** Extends this node's lease; false when it ran out and another node holds the chunk now. */
  boolean renew(Chunk chunk, String node, OffsetDateTime until) {
    return jdbc.sql("update import_chunks set lease_until = :until where job_id = :job and first_row = :first and lease_owner = :node")
        .param("until", until).param("job", chunk.job()).param("first", chunk.firstRow()).param("node", node).update() == 1;
  }

  /** Gives a chunk back at once (this node stops), for another node to go on with. */
  void release(Chunk chunk, String node) {
    jdbc.sql("update import_chunks set lease_owner = null, lease_until = null where job_id = :job and first_row = :first and lease_owner = :node")
        .param("job", chunk.job()).param("first", chunk.firstRow()).param("node", node).update();
  }

  List<PendingRow> pending(Chunk chunk) {
    return jdbc.sql("""
        select row_number, cells from import_rows
        where job_id = :job and row_number between :first and :last and outcome is null order by row_number""")
        .param("job", chunk.job()).param("first", chunk.firstRow()).param("last", chunk.lastRow())
        .query((rs, n) -> new PendingRow(rs.getInt("row_number"), rs.getString("cells"))).list();
  }

  /**
   * Locks a row not done yet for the caller's transaction; false when it is done (another node that held the chunk before
   * recorded it, or does so while this waits for the lock).
   */
  boolean claim(UUID job, int row) {
    return jdbc.sql("select row_number from import_rows where job_id = :job and row_number = :row and outcome is null for update")
        .param("job", job).param("row", row).query(Integer.class).optional().isPresent();
  }

  /** A claimed row's outcome; its cells are deleted (they hold personal data). */
  void record(UUID job, ImportJob.Row row) {
    jdbc.sql("""
        update import_rows set outcome = :outcome, lead_id = :lead, message = :message, cells = null
        where job_id = :job and row_number = :row and outcome is null""")
        .param("outcome", row.outcome()).param("lead", row.leadId())
        .param("message", row.message() == null || row.message().length() <= 2000 ? row.message() : row.message().substring(0, 2000))
        .param("job", job)
        .param("row", row.row()).update();
  }

  /** Every row of this node's chunk is done: the chunk leaves, and the import is done when it was the last. */
  void finish(Chunk chunk, String node, OffsetDateTime at) {
    // the job's row lock orders two nodes finishing its last chunks at once: the second sees the first's chunk gone
    jdbc.sql("select id from import_jobs where id = :job for update").param("job", chunk.job()).query(UUID.class).single();
    jdbc.sql("delete from import_chunks where job_id = :job and first_row = :first and lease_owner = :node")
        .param("job", chunk.job()).param("first", chunk.firstRow()).param("node", node).update();
    jdbc.sql("""
        update import_jobs set status = 'DONE', finished_at = :at
        where id = :job and status <> 'DONE' and not exists (select 1 from import_chunks where job_id = :job)""")
        .param("at", at).param("job", chunk.job()).update();
  }

  Optional<ImportJob> find(UUID id, String outcome) {
    List<ImportJob.Row> rows = jdbc.sql("select row_number, outcome, lead_id, message from import_rows where job_id = :job"
            + (outcome == null ? " and outcome is not null" : " and outcome = :outcome") + " order by row_number")
        .param("job", id).param("outcome", outcome)
        .query((rs, n) -> new ImportJob.Row(rs.getInt("row_number"), rs.getString("outcome"), rs.getObject("lead_id", UUID.class),
            rs.getString("message")))
        .list();
    Map<String, Integer> counts = jdbc.sql("select outcome, count(*) n from import_rows where job_id = :job and outcome is not null group by outcome")
        .param("job", id).query((rs, n) -> Map.entry(rs.getString("outcome"), rs.getInt("n"))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    int created = counts.getOrDefault("created", 0);
    int merged = counts.getOrDefault("merged", 0);
    int rejected = counts.getOrDefault("rejected", 0);
    return jdbc.sql("select * from import_jobs where id = :id").param("id", id)
        .query((rs, n) -> new ImportJob(rs.getObject("id", UUID.class), rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class), rs.getString("status"),
            rs.getInt("total_rows"), created + merged + rejected, created, merged, rejected, rows))
        .optional();
  }
}
