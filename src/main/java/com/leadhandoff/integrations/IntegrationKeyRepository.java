package com.leadhandoff.integrations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table integration_keys (V13): one row per integration, its key as SHA-256. */
@Repository
class IntegrationKeyRepository {

  private static final String COLUMNS = "integration, scopes, key_prefix, created_at, created_by, rotated_at, revoked_at, revoked_by";
  private final JdbcClient jdbc;

  IntegrationKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<IntegrationKey> find(String integration) {
    return jdbc.sql("select " + COLUMNS + " from integration_keys where integration = ?").param(integration)
        .query(IntegrationKeyRepository::key).optional();
  }

  /** The integration whose key has this hash and is not revoked. */
  Optional<IntegrationKey> findActiveByHash(String keyHash) {
    return jdbc.sql("select " + COLUMNS + " from integration_keys where key_hash = ? and revoked_at is null").param(keyHash)
        .query(IntegrationKeyRepository::key).optional();
  }

  List<IntegrationKey> all() {
    return jdbc.sql("select " + COLUMNS + " from integration_keys order by integration").query(IntegrationKeyRepository::key).list();
  }

  /** A new integration's key, or a new key for one whose key was revoked (what was recorded of the old key goes). */
  void create(String integration, List<String> scopes, String keyHash, String keyPrefix, OffsetDateTime now, String by) {
    jdbc.sql("delete from integration_keys where integration = ? and revoked_at is not null").param(integration).update();
    jdbc.sql("insert into integration_keys (integration, scopes, key_hash, key_prefix, created_at, created_by) values (?, ?, ?, ?, ?, ?)")
        .params(integration, String.join(" ", scopes), keyHash, keyPrefix, now, by).update();
  }

  /** Replaces the active key of the integration; false when it has none. */
  boolean rotate(String integration, String keyHash, String keyPrefix, OffsetDateTime now) {
    return jdbc.sql("update integration_keys set key_hash = ?, key_prefix = ?, rotated_at = ? where integration = ? and revoked_at is null")
        .params(keyHash, keyPrefix, now, integration).update() == 1;
  }

  /** Revokes the active key of the integration; false when it has none. */
  boolean revoke(String integration, OffsetDateTime now, String by) {
    return jdbc.sql("update integration_keys set revoked_at = ?, revoked_by = ? where integration = ? and revoked_at is null")
        .params(now, by, integration).update() == 1;
  }

  private static IntegrationKey key(ResultSet rs, int row) throws SQLException {
    return new IntegrationKey(rs.getString("integration"), Arrays.asList(rs.getString("scopes").split(" ")), rs.getString("key_prefix"),
        rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), rs.getObject("rotated_at", OffsetDateTime.class),
        rs.getObject("revoked_at", OffsetDateTime.class), rs.getString("revoked_by"));
  }
}
