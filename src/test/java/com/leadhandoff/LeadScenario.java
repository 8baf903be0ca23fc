package com.leadhandoff;

import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.deployment.Processes;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.lead.StageEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** A scenario through the lead's processes on the engine's own clock, which each test sets and every test resets. */
@LeadHandoffTest
public abstract class LeadScenario {

  @Autowired protected ProcessEngine engine;
  @Autowired protected LeadCaptureService capture;
  @Autowired protected LeadRepository leads;
  @Autowired protected Clock clock;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  protected static void clockAt(Date when) {
    ClockUtil.setCurrentTime(when);
  }

  protected static void clockAt(String instant) {
    clockAt(Date.from(Instant.parse(instant)));
  }

  /** The lead's lifecycle instance (the sales follow-up it calls has the same business key). */
  protected ProcessInstance instanceOf(Lead lead) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(lead.id().toString())
        .processDefinitionKey(Processes.LEAD_LIFECYCLE).singleResult();
  }

  protected List<LeadStage> stages(Lead lead) {
    return leads.stages(lead.id()).stream().map(StageEvent::stage).toList();
  }

  /**
   * The rep rejects the lead (bad timing) and the rejection's job runs and fails until its retries are spent (they are
   * five minutes apart): what a broken rejection decision does to a lead.
   */
  protected ProcessInstance rejectedUntilRetriesRunOut(Lead lead) {
    ProcessInstance instance = instanceOf(lead);
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    engine.getTaskService().complete(task, Map.of("decision", "reject", "rejectionReason", "timing"));
    Jobs.runDueLettingJobsFail(engine, instance.getId());
    for (int retry = 0; retry < 2; retry++) {
      Jobs.travelToLettingJobsFail(engine, instance.getId(), Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(6 * 60)));
    }
    return instance;
  }
}
