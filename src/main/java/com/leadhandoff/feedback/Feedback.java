package com.leadhandoff.feedback;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One piece of structured feedback on a lead. */
public record Feedback(UUID leadId, String kind, String reason, String factors, String comment, String questionsHeard,
    String objectionsHeard, String contentThatHelped, String author, OffsetDateTime givenAt) {}
