package com.leadhandoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.LeadHandoffTest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The indexes the engine's busiest statements need are on its tables once a node has started (H2 here; PostgresIT too). */
@LeadHandoffTest
class EngineIndexesTest {

  /** Index -> column: the sub-task lookup of every task completion, the job executor's search for due jobs. */
  static final Map<String, String> EXPECTED = Map.of(
      "lead_handoff_idx_task_parent", "act_ru_task.parent_task_id_",
      "lead_handoff_idx_job_duedate", "act_ru_job.duedate_",
      "lead_handoff_idx_job_lock_exp", "act_ru_job.lock_exp_time_");

  @Autowired DataSource dataSource;

  @Test
  void theSubTaskLookupAndTheJobAcquisitionHaveTheirIndexes() throws SQLException {
    assertThat(indexedColumns(dataSource)).containsAllEntriesOf(EXPECTED);
  }

  /** Index name -> table.column of the engine's job and task tables, in lower case whatever the database's case. */
  static Map<String, String> indexedColumns(DataSource dataSource) throws SQLException {
    Map<String, String> columns = new HashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      for (String table : new String[] {"act_ru_task", "act_ru_job"}) {
        try (ResultSet index = meta.getIndexInfo(null, null,
            meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table, false, false)) {
          while (index.next()) {
            if (index.getString("INDEX_NAME") != null && index.getString("COLUMN_NAME") != null) {
              columns.put(index.getString("INDEX_NAME").toLowerCase(Locale.ROOT),
                  table + "." + index.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return columns;
  }
}
