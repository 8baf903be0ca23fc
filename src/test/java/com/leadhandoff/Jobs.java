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

  /** Runs the due jobs of one process instance, earliest first, until none is due; a job that fails fails the test. */
  public static void runDue(ProcessEngine engine, String processInstanceId) {
    runDue(engine, () -> List.of(processInstanceId), false);
  }

  /** Runs the due jobs of every process instance of the lead (the lifecycle and the sales follow-up it calls); none may fail. */
  public static void runDueForLead(ProcessEngine engine, UUID leadId) {
    runDue(engine, () -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(leadId.toString())
        .list().stream().map(ProcessInstance::getId).toList(), false);
  }

  /** Moves the engine's clock to the given time and runs what fell due; none may fail. */
  public static void travelTo(ProcessEngine engine, String processInstanceId, Date when) {
    ClockUtil.setCurrentTime(when);
    runDue(engine, processInstanceId);
  }

  /** For a test of failing jobs: they are left to their retries (down to an incident), as the job executor leaves them. */
  public static void travelToLettingJobsFail(ProcessEngine engine, String processInstanceId, Date when) {
    ClockUtil.setCurrentTime(when);
    runDueLettingJobsFail(engine, processInstanceId);
  }

  /** For a test of failing jobs: runs the due jobs, leaving a failing one to its retries. */
  public static void runDueLettingJobsFail(ProcessEngine engine, String processInstanceId) {
    runDue(engine, () -> List.of(processInstanceId), true);
  }

  private static void runDue(ProcessEngine engine, Supplier<List<String>> processInstanceIds, boolean mayFail) {
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
        if (!mayFail) {
          throw new AssertionError("Job " + next.get().getId() + " of process instance " + next.get().getProcessInstanceId()
              + " failed: " + failed.getMessage(), failed);
        } // else counted against the job's retries by the engine
      }
    }
    throw new IllegalStateException("Jobs keep falling due");
  }
}
