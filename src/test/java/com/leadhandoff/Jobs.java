package com.leadhandoff;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The job executor's work done by hand in tests: every job that is due on the engine's clock. */
public final class Jobs {

  private Jobs() {}

  /** Runs the due jobs of one process instance, earliest first, until none is due. */
  public static void runDue(ProcessEngine engine, String processInstanceId) {
    runDue(engine, () -> List.of(processInstanceId));
  }

  /** Runs the due jobs of every process instance of the lead: the lifecycle and the sales follow-up it calls. */
  public static void runDueForLead(ProcessEngine engine, UUID leadId) {
    runDue(engine, () -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(leadId.toString())
        .list().stream().map(ProcessInstance::getId).toList());
  }

  /** Moves the engine's clock to the given time and runs what fell due. */
  public static void travelTo(ProcessEngine engine, String processInstanceId, Date when) {
    ClockUtil.setCurrentTime(when);
    runDue(engine, processInstanceId);
  }

  /** Failing jobs are left to their retries, as the job executor would leave them. */
  private static void runDue(ProcessEngine engine, Supplier<List<String>> processInstanceIds) {
    for (int guard = 0; guard < 100; guard++) {
      Optional<Job> next = processInstanceIds.get().stream()
          .flatMap(id -> engine.getManagementService().createJobQuery().processInstanceId(id).withRetriesLeft().list().stream())
          .filter(job -> job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime()))
          .min(Comparator.comparing(job -> job.getDuedate() == null ? new Date(0) : job.getDuedate()));
      if (next.isEmpty()) {
        return;
      }
      try {
        engine.getManagementService().executeJob(next.get().getId());
      } catch (RuntimeException failed) {
        // counted against the job's retries by the engine
      }
    }
    throw new IllegalStateException("Jobs keep falling due");
  }
}
