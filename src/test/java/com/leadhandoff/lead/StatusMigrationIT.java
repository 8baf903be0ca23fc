package com.leadhandoff.lead;

import com.leadhandoff.operations.PostgresDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link StatusMigrationTest}'s rows and checks on PostgreSQL, in a database of its own. */
class StatusMigrationIT {

  @Test
  void onPostgresql() throws SQLException {
    PostgresDatabase.Connect db = PostgresDatabase.create("status_migration_it");
    StatusMigrationTest.check(new DriverManagerDataSource(db.url(), db.user(), db.password()));
  }
}
