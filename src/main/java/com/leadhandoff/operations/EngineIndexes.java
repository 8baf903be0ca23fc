package com.leadhandoff.operations;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes Camunda's schema lacks for the statements a lead runs most, created once after the engine has created
 * or updated its tables. Without them each of these statements reads its whole table, so its cost grows with
 * the number of waiting leads (measured with 4,000 waiting leads in PostgreSQL, bench/README.md):
 * <ul>
 *   <li>the sub-task lookup Camunda runs whenever a task is completed or cancelled (camunda/camunda#36824):
 *       0.9 ms a task, every accept, qualification and SLA escalation;</li>
 *   <li>the job executor's search for due jobs, when few of the SLA timers are due: 5.5 ms an acquisition;</li>
 *   <li>its check that no exclusive job of the same process runs elsewhere: 1.8 ms an acquisition.</li>
 * </ul>
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  /** Index name -> table and column; plain indexes, so that H2 and PostgreSQL take the same statements. */
  static final Map<String, String> INDEXES = Map.of(
      "lead_handoff_idx_task_parent", "act_ru_task (parent_task_id_)",
      "lead_handoff_idx_job_duedate", "act_ru_job (duedate_)",
      "lead_handoff_idx_job_lock_exp", "act_ru_job (lock_exp_time_)");

  private final JdbcClient jdbc;

  public EngineIndexes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    INDEXES.forEach((name, on) -> {
      try {
        jdbc.sql("create index if not exists " + name + " on " + on).update();
      } catch (DataAccessException failure) {
        // e.g. two nodes starting together, one of them a moment earlier: the node runs either way
        LOG.warn("Index {} on {} not created by this node: {}", name, on, failure.getMessage());
      }
    });
  }
}
