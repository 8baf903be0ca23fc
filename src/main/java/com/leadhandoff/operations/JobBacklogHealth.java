package com.leadhandoff.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Whether the job executors keep up: the oldest due job's lag. Longer than {@code lead-handoff.operations.max-job-lag}
 * and the status is LAGGING (still HTTP 200: the backlog is the cluster's, not this node's fault, so a load balancer
 * must not drop every node at once).
 */
@Component("jobBacklog")
public class JobBacklogHealth implements HealthIndicator {

  static final Status LAGGING = new Status("LAGGING", "due jobs wait longer than lead-handoff.operations.max-job-lag");

  private final ManagementService management;
  private final Duration maxLag;
  private final Clock clock;

  public JobBacklogHealth(ManagementService management, @Value("${lead-handoff.operations.max-job-lag:PT5M}") Duration maxLag,
      Clock clock) {
    this.clock = clock;
    this.management = management;
    this.maxLag = maxLag;
  }

  @Override
  public Health health() {
    Date now = Date.from(clock.instant());
    long due = management.createJobQuery().executable().count();
    // every job has a due date (ensure-job-due-date-not-null): an async step's is when it was created
    Date oldest = management.createJobQuery().executable().duedateLowerThan(now).orderByJobDuedate().asc().listPage(0, 1).stream()
        .map(Job::getDuedate).findFirst().orElse(null);
    Duration lag = oldest == null ? Duration.ZERO : Duration.ofMillis(Math.max(0, now.getTime() - oldest.getTime()));
    return Health.status(lag.compareTo(maxLag) > 0 ? LAGGING : Status.UP)
        .withDetail("dueJobs", due).withDetail("oldestDueLagSeconds", lag.toSeconds()).withDetail("maxLagSeconds", maxLag.toSeconds())
        .build();
  }
}
