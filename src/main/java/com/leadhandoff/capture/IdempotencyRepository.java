package com.leadhandoff.capture;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Idempotency keys per caller, with the hash of the request and the answer given. */
@Repository
class IdempotencyRepository {

  /** A key already used: for which request, and what it answered. */
  record UsedKey(String requestHash, UUID leadId, int status) {}

  private final JdbcClient jdbc;

  IdempotencyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<UsedKey> find(String caller, String key) {
    return jdbc.sql("select request_hash, lead_id, status from idempotency_keys where caller = :caller and idem_key = :key")
        .param("caller", caller).param("key", key)
        .query((rs, n) -> new UsedKey(rs.getString("request_hash"), rs.getObject("lead_id", UUID.class), rs.getInt("status")))
        .optional();
  }

  /** Takes the key first, so a concurrent request with the same key waits, then fails with a duplicate key. */
  void reserve(String caller, String key, String requestHash, OffsetDateTime at) {
    jdbc.sql("insert into idempotency_keys (caller, idem_key, request_hash, created_at) values (:caller, :key, :hash, :at)")
        .param("caller", caller).param("key", key).param("hash", requestHash).param("at", at).update();
  }

  void answer(String caller, String key, UUID leadId, int status) {
    jdbc.sql("update idempotency_keys set lead_id = :lead, status = :status where caller = :caller and idem_key = :key")
        .param("lead", leadId).param("status", status).param("caller", caller).param("key", key).update();
  }
}
