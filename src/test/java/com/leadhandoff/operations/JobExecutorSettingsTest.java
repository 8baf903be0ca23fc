package com.leadhandoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.LeadHandoffTest;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The job executor as application.yaml sets it for several nodes (bench/run sla-drain measured it): a node locks no
 * more jobs per round than its executor's queue takes, also after losing a race to another node.
 */
@LeadHandoffTest
class JobExecutorSettingsTest {

  @Autowired CamundaBpmProperties camunda;

  @Test
  void aNodeAcquiresWhatItsExecutorTakesAndNoMoreAfterLosingARace() {
    JobExecutionProperty jobs = camunda.getJobExecution();
    assertThat(jobs.getMaxJobsPerAcquisition()).isLessThanOrEqualTo(jobs.getQueueCapacity());
    // Camunda's back-off multiplies the jobs acquired per round by the wait-increase factor at each level (16 became
    // 256): two nodes had 109 rejected executions per job instead of 12
    assertThat(jobs.getBackoffTimeInMillis()).isNotNull().isZero();
  }
}
