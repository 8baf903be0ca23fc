package com.leadhandoff.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.LeadHandoffTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A chunk another node held when it died: the rows it recorded stay done, the others are captured once, and a chunk
 * whose holder is alive (its lease not run out) is left to it. The worker is driven by the test, chunk by chunk.
 */
@LeadHandoffTest
// a context of its own: its engine gets a name of its own, so the shared context's webapps keep finding theirs
@TestPropertySource(properties = {"lead-handoff.imports.worker-enabled=false", "lead-handoff.imports.chunk-size=10",
    "camunda.bpm.generate-unique-process-engine-name=true"})
class ImportResumeTest {

  @Autowired LeadImportService imports;
  @Autowired ImportWorker worker;
  @Autowired ImportRepository repository;
  @Autowired LeadCaptureService capture;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void aChunkWhoseNodeDiedIsDoneByAnotherSkippingTheRowsAlreadyDone() throws Exception {
    String batch = UUID.randomUUID().toString().substring(0, 8);
    StringBuilder csv = new StringBuilder("email,source\n");
    for (int i = 1; i <= 25; i++) {
      csv.append("resume-").append(batch).append('-').append(i).append("@acme.example,").append(i == 7 ? "billboard" : "import").append('\n');
    }
    ImportJob job = imports.start(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "importer");
    assertThat(job.status()).isEqualTo("QUEUED");
    assertThat(job.totalRows()).isEqualTo(25);
    assertThat(job.rows()).as("no row done yet").isEmpty();
    assertThat(cellsKept(job.id())).isEqualTo(25);

    // a node took rows 1-10, captured rows 1-4 (each with its outcome) and died: its lease ran out a minute ago
    OffsetDateTime now = OffsetDateTime.now(clock);
    ImportRepository.Chunk first = repository.due(now, 10).stream().filter(c -> c.job().equals(job.id())).findFirst().orElseThrow();
    assertThat(repository.lease(first, "dead-node", now, now.plusMinutes(1))).isTrue();
    for (int row = 1; row <= 4; row++) {
      int n = row;
      capture.capture(LeadImportService.submission(java.util.Map.of("email", "resume-" + batch + "-" + n + "@acme.example", "source", "import")),
          "importer", () -> repository.claim(job.id(), n), result -> repository.record(job.id(), new ImportJob.Row(n, "created", result.lead().id(), null)));
    }
    assertThat(imports.job(job.id(), null).orElseThrow().status()).isEqualTo("RUNNING");
    assertThat(worker.runOneChunk()).as("rows 11-20").isTrue();
    assertThat(worker.runOneChunk()).as("rows 21-25").isTrue();
    assertThat(worker.runOneChunk()).as("rows 1-10 are the dead node's until its lease runs out").isFalse();
    jdbc.sql("update import_chunks set lease_until = :past where job_id = :job").param("past", now.minusMinutes(1)).param("job", job.id()).update();

    assertThat(worker.runOneChunk()).as("rows 1-10, once the lease ran out").isTrue();
    assertThat(worker.runOneChunk()).isFalse();

    ImportJob done = imports.job(job.id(), null).orElseThrow();
    assertThat(done.status()).isEqualTo("DONE");
    assertThat(done.finishedAt()).isNotNull();
    assertThat(done.rows()).extracting(ImportJob.Row::row).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
    assertThat(done.created()).isEqualTo(24);
    assertThat(done.rejected()).isEqualTo(1);
    assertThat(done.rows().get(6).message()).startsWith("source must be one of");
    List<Long> leadsPerEmail = jdbc.sql("select count(*) from leads where email like :pattern group by email")
        .param("pattern", "resume-" + batch + "-%").query(Long.class).list();
    assertThat(leadsPerEmail).as("one lead per created row, none twice").hasSize(24).containsOnly(1L);
    assertThat(cellsKept(job.id())).as("raw cells are deleted with each row's outcome").isZero();
    assertThat(jdbc.sql("select count(*) from import_chunks where job_id = :job").param("job", job.id()).query(Long.class).single()).isZero();
  }

  private long cellsKept(UUID job) {
    return jdbc.sql("select count(*) from import_rows where job_id = :job and cells is not null").param("job", job).query(Long.class).single();
  }
}
