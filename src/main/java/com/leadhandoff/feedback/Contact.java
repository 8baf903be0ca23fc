package com.leadhandoff.feedback;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A contact a rep logged: an attempt (no answer, voicemail) or the conversation that meets the first-contact SLA. */
@Schema(name = "LoggedContact") // the lead's Contact is the person
public record Contact(UUID leadId, String rep, String channel, String outcome, boolean conversation, OffsetDateTime contactedAt,
    OffsetDateTime loggedAt, String note) {}
