package com.leadhandoff.privacy;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Published in the erasure's transaction once a lead's personal data is gone, so that receivers erase their copies. */
public record LeadErased(UUID leadId, String erasedBy, OffsetDateTime at) {}
