package com.leadhandoff.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A job that lost an optimistic-locking race did not fail: another transaction changed the same lead first (two
 * nodes, or a lead's warning and breach timers falling due together on a Monday morning). Such a job is unlocked
 * to run again at once, keeping its due date, retries and error-free record. Camunda's own handling would move it
 * by the model's retry cycle (R3/PT10M on the SLA timers): a breach that lost a race would be recorded ten
 * minutes late. A job that keeps losing (more than {@code lead-handoff.operations.max-conflict-retries} times in a row
 * on this node) is handed to Camunda's handling as a failure, so its retries count down by the model's cycle to an
 * incident instead of running forever (Camunda itself never counts a conflict against the retries); any other failure
 * keeps Camunda's handling. Counted in {@code leadhandoff_jobs_conflicts_total{handling="run-again"|"retry-cycle"}}.
 */
@Component
public class ConflictRetryPlugin extends AbstractProcessEnginePlugin {

  /** How many jobs' conflicts this node remembers; an older job's count starts again. */
  static final int REMEMBERED_JOBS = 10_000;

  private final int maxConflicts;
  private final Counter ranAgain;
  private final Counter handedToRetryCycle;
  private final Map<String, Integer> conflicts = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
      return size() > REMEMBERED_JOBS;
    }
  });

  public ConflictRetryPlugin(MeterRegistry registry, @Value("${lead-handoff.operations.max-conflict-retries:10}") int maxConflicts) {
    this.maxConflicts = maxConflicts;
    this.ranAgain = counter(registry, "run-again");
    this.handedToRetryCycle = counter(registry, "retry-cycle");
  }

  private static Counter counter(MeterRegistry registry, String handling) {
    return Counter.builder("leadhandoff.jobs.conflicts").tag("handling", handling)
        .description("Jobs that lost an optimistic-locking race: run again at once, or (after too many) by the retry cycle")
        .register(registry);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobCommandFactory standard = (jobId, failure) -> new DefaultJobRetryCmd(jobId, failure);
    configuration.setFailedJobCommandFactory((jobId, failure) -> {
      if (!(failure instanceof OptimisticLockingException)) {
        return standard.getCommand(jobId, failure);
      }
      int conflictsInARow = conflicts.merge(jobId, 1, Integer::sum);
      if (conflictsInARow <= maxConflicts) {
        ranAgain.increment();
        return new RunAgainAtOnce(jobId, failure);
      }
      // Camunda never counts a conflict against the retries (it would retry forever by the cycle): hand it a failure
      handedToRetryCycle.increment();
      return standard.getCommand(jobId, new ProcessEngineException("Lost " + conflictsInARow
          + " optimistic-locking races in a row, so counted as a failure: " + failure.getMessage(), failure));
    });
  }

  private static final class RunAgainAtOnce extends DefaultJobRetryCmd {

    RunAgainAtOnce(String jobId, Throwable conflict) {
      super(jobId, conflict);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (job != null) { // gone when the winner ended the job's activity, e.g. a breach ending the warning's task
        job.unlock();
        notifyAcquisition(commandContext);
      }
      return null;
    }
  }
}
