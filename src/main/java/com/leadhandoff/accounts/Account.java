package com.leadhandoff.accounts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An account as stored: the CRM's external id, name, domains, owner (a rep's user id; may be unset) and status. */
public record Account(UUID id, String externalId, String name, List<String> domains, String owner, String status,
    OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  /** The statuses an account may have; the routing and SLA decisions test for them by these names. */
  public static final List<String> STATUSES = List.of("customer", "open-opportunity", "target", "former-customer");
}
