package com.leadhandoff.lead;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Published, in the engine's transaction, each time a lead reaches a stage (with who made it happen and the stage's
 * detail, as the stage history keeps them); listeners keep their own figures or write messages to the outbox.
 */
public record LeadStageReached(UUID leadId, LeadStage stage, OffsetDateTime at, String actor, String detail) {}
