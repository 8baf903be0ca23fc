package com.leadhandoff.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A job that loses a race for the same lead runs again at once; a job that really fails keeps the model's retry
 * cycle. The step below has the SLA timers' cycle, R3/PT10M, and fails once with what the first call throws.
 */
class ConflictRetryTest {

  static final AtomicReference<RuntimeException> FIRST_CALL_THROWS = new AtomicReference<>();
  static final Date NOW = new Date(1_900_000_000_000L);

  static ProcessEngine engine;

  public static class StepThatFailsOnce implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      RuntimeException failure = FIRST_CALL_THROWS.getAndSet(null);
      if (failure != null) {
        throw failure;
      }
    }
  }

  @BeforeAll
  static void startEngine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:conflict-retry;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("conflict-retry");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new ConflictRetryPlugin()));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("step.bpmn", Bpmn.createExecutableProcess("Step")
        .camundaHistoryTimeToLive(1).startEvent()
        .serviceTask("Task_Step").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT10M").camundaClass(StepThatFailsOnce.class)
        .userTask("Task_After").endEvent().done()).deploy();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aJobThatLostARaceRunsAgainAtOnceWithItsRetriesAndNoError() {
    Job job = jobWaitingAfterFirstCall(new OptimisticLockingException("the lead was changed by another transaction"));

    assertThat(job.getDuedate()).isEqualTo(NOW);
    assertThat(job.getRetries()).isEqualTo(3);
    assertThat(job.getExceptionMessage()).isNull();
    engine.getManagementService().executeJob(job.getId());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(job.getProcessInstanceId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_After");
  }

  @Test
  void aJobThatFailedWaitsForTheModelsRetryCycle() {
    Job job = jobWaitingAfterFirstCall(new IllegalStateException("the CRM did not answer"));

    assertThat(job.getDuedate()).isEqualTo(new Date(NOW.getTime() + 10 * 60_000));
    assertThat(job.getRetries()).isEqualTo(2);
    assertThat(job.getExceptionMessage()).isEqualTo("the CRM did not answer");
  }

  private Job jobWaitingAfterFirstCall(RuntimeException failure) {
    ClockUtil.setCurrentTime(NOW);
    String instance = engine.getRuntimeService().startProcessInstanceByKey("Step").getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    engine.getManagementService().setJobDuedate(job.getId(), NOW);
    FIRST_CALL_THROWS.set(failure);
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).hasMessageContaining(failure.getMessage());
    return engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
  }
}
