package com.leadhandoff.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * cycle, and so does one that keeps losing. The step below has the SLA timers' cycle, R3/PT10M, and fails once with what the
 * first call throws (or every time).
 */
class ConflictRetryTest {

  static final AtomicReference<RuntimeException> FIRST_CALL_THROWS = new AtomicReference<>();
  static final AtomicReference<RuntimeException> EVERY_CALL_THROWS = new AtomicReference<>();
  static final int MAX_CONFLICTS = 4;
  static final SimpleMeterRegistry METRICS = new SimpleMeterRegistry();
  static final Date NOW = new Date(1_900_000_000_000L);

  static ProcessEngine engine;

  public static class StepThatFailsOnce implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      RuntimeException failure = FIRST_CALL_THROWS.getAndSet(null);
      if (failure != null) {
        throw failure;
      }
      if (EVERY_CALL_THROWS.get() != null) {
        throw EVERY_CALL_THROWS.get();
      }
    }
  }

  @BeforeAll
  static void startEngine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:conflict-retry;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("conflict-retry");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new ConflictRetryPlugin(METRICS, MAX_CONFLICTS)));
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
  void reset() {
    ClockUtil.reset();
    EVERY_CALL_THROWS.set(null);
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

  @Test
  void aJobThatKeepsLosingRacesIsHandedToItsRetryCycleAndEndsAsAnIncident() {
    double ranAgainBefore = conflicts("run-again");
    OptimisticLockingException conflict = new OptimisticLockingException("the lead was changed by another transaction, again");
    EVERY_CALL_THROWS.set(conflict);
    Job job = jobWaitingAfterFirstCall(conflict);
    for (int i = 1; i < MAX_CONFLICTS; i++) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).isInstanceOf(OptimisticLockingException.class);
    }
    Job ranAgain = engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
    assertThat(ranAgain.getRetries()).as("%d conflicts ran again at once", MAX_CONFLICTS).isEqualTo(3);
    assertThat(conflicts("run-again") - ranAgainBefore).isEqualTo(MAX_CONFLICTS);

    for (int retry = 3; retry > 0; retry--) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).isInstanceOf(OptimisticLockingException.class);
    }

    Job exhausted = engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
    assertThat(exhausted.getRetries()).isZero();
    assertThat(exhausted.getExceptionMessage()).contains("optimistic-locking races in a row").contains(conflict.getMessage());
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isEqualTo(1);
    assertThat(conflicts("retry-cycle")).isEqualTo(3);
  }

  private static double conflicts(String handling) {
    return METRICS.get("leadhandoff.jobs.conflicts").tag("handling", handling).counter().count();
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
