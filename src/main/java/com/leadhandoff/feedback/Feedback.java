package com.leadhandoff.feedback;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One piece of structured feedback on a lead. */
public record Feedback(UUID leadId, String kind, String reason, String factors, String comment, String questionsHeard,
    String objectionsHeard, String contentThatHelped, String campaignAction, String author, OffsetDateTime givenAt) {

  /** The parts a kind of feedback has; the rest stays empty. */
  static final class Builder {
    private final String kind;
    private String reason;
    private String factors;
    private String comment;
    private String questionsHeard;
    private String objectionsHeard;
    private String contentThatHelped;
    private String campaignAction;

    Builder(String kind) {
      this.kind = kind;
    }

    Builder reason(String value) {
      reason = value;
      return this;
    }

    Builder factors(String value) {
      factors = value;
      return this;
    }

    Builder comment(String value) {
      comment = value;
      return this;
    }

    Builder questionsHeard(String value) {
      questionsHeard = value;
      return this;
    }

    Builder objectionsHeard(String value) {
      objectionsHeard = value;
      return this;
    }

    Builder contentThatHelped(String value) {
      contentThatHelped = value;
      return this;
    }

    Builder campaignAction(String value) {
      campaignAction = value;
      return this;
    }

    Feedback build(UUID leadId, String author, OffsetDateTime givenAt) {
      return new Feedback(leadId, kind, reason, factors, comment, questionsHeard, objectionsHeard, contentThatHelped, campaignAction,
          author, givenAt);
    }
  }
}
