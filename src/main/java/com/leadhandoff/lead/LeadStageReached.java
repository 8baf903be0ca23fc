package com.leadhandoff.lead;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Published, in the engine's transaction, each time a lead reaches a stage; listeners keep their own figures. */
public record LeadStageReached(UUID leadId, LeadStage stage, OffsetDateTime at) {}
