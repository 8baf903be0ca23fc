package com.leadhandoff.integrations;

import java.time.OffsetDateTime;
import java.util.List;

/** An integration's key as the API shows it: never the key itself, which only creating or rotating it answers. */
public record IntegrationKey(String integration, List<String> scopes, String keyPrefix, OffsetDateTime createdAt, String createdBy,
    OffsetDateTime rotatedAt, OffsetDateTime revokedAt, String revokedBy) {

  /** What creating or rotating a key answers: the key, this once. */
  public record Issued(String integration, List<String> scopes, String key, OffsetDateTime issuedAt) {}
}
