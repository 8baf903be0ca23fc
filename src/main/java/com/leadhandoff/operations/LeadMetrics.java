package com.leadhandoff.operations;

import com.leadhandoff.lead.LeadStageReached;
import com.leadhandoff.sla.SlaRepository;
import com.leadhandoff.teams.SalesTeams;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The product's metrics (at /actuator/prometheus): {@code leadhandoff_stage_reached_total{stage}} counts leads
 * reaching each stage on this node (CAPTURED = leads captured, SLA_BREACHED = breaches), counted when the
 * transaction commits so a retried job is not counted twice; the gauges read the shared database, so every node
 * reports the same value: open tasks per team, open SLA breaches, due and locked jobs.
 */
@Component
public class LeadMetrics {

  private final MeterRegistry registry;

  public LeadMetrics(MeterRegistry registry, SalesTeams teams, TaskService tasks, ManagementService management, SlaRepository slas) {
    this.registry = registry;
    teams.teams().keySet().forEach(team -> Gauge.builder("leadhandoff.tasks.open",
            () -> tasks.createTaskQuery().taskCandidateGroup(team).includeAssignedTasks().count())
        .tag("team", team).description("Open user tasks of the team, assigned or in its queue").register(registry));
    Gauge.builder("leadhandoff.sla.breaches.open", slas::openBreaches)
        .description("SLA breaches not yet resolved").register(registry);
    Gauge.builder("leadhandoff.jobs.due", () -> management.createJobQuery().executable().count())
        .description("Jobs due and waiting for the job executor (timers, async steps)").register(registry);
    Gauge.builder("leadhandoff.jobs.failed", () -> management.createJobQuery().noRetriesLeft().count())
        .description("Jobs out of retries: incidents in Cockpit").register(registry);
  }

  /** After the commit (a rolled-back or retried job counts once); outside a transaction at once. */
  @TransactionalEventListener(fallbackExecution = true)
  public void reached(LeadStageReached event) {
    Counter.builder("leadhandoff.stage.reached").tag("stage", event.stage().name())
        .description("Leads that reached the stage on this node").register(registry).increment();
  }
}
