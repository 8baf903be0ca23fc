package com.leadhandoff.operations;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A job that lost an optimistic-locking race did not fail: another transaction changed the same lead first (two
 * nodes, or a lead's warning and breach timers falling due together on a Monday morning). Such a job is unlocked
 * to run again at once, keeping its due date, retries and error-free record. Camunda's own handling would move it
 * by the model's retry cycle (R3/PT10M on the SLA timers): a breach that lost a race would be recorded ten
 * minutes late. Any other failure keeps Camunda's handling.
 */
@Component
public class ConflictRetryPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobCommandFactory standard = (jobId, failure) -> new DefaultJobRetryCmd(jobId, failure);
    configuration.setFailedJobCommandFactory((jobId, failure) -> failure instanceof OptimisticLockingException
        ? new RunAgainAtOnce(jobId, failure) : standard.getCommand(jobId, failure));
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
