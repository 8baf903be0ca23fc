package com.leadhandoff.lead;

import java.time.OffsetDateTime;

/** Something a lead did (a demo request, a pricing page view, a webinar...), when, and when we heard of it. */
public record Activity(String type, OffsetDateTime occurredAt, String content, OffsetDateTime recordedAt) {}
