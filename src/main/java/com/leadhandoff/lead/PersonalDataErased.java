package com.leadhandoff.lead;

import java.util.UUID;

/**
 * A lead's personal data is being erased (privacy publishes this inside the erasure's transaction, after the lead's own
 * record is anonymised): every feature that keeps free text about the person erases it from its own tables, in the
 * same transaction, so the erasure is all or nothing.
 */
public record PersonalDataErased(UUID leadId) {}
