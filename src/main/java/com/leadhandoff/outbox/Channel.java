package com.leadhandoff.outbox;

/**
 * A way out of the product (email, Slack, Teams, webhooks): the outbox worker hands it each due message of its name.
 * Returning normally means the receiver took the message; throwing {@link DeliveryFailure} means try again later
 * (or never, when it is permanent).
 */
public interface Channel {

  /** The channel's name as messages store it: email, slack, teams, webhook. */
  String name();

  /** Delivers the message; the answer's status code, if the channel has one (HTTP), goes to the delivery log. */
  Integer deliver(OutboxMessage message) throws DeliveryFailure;

  /** The receiver did not take the message. */
  class DeliveryFailure extends Exception {
    private final Integer statusCode;
    private final boolean permanent;

    public DeliveryFailure(String message, Integer statusCode, boolean permanent, Throwable cause) {
      super(message, cause);
      this.statusCode = statusCode;
      this.permanent = permanent;
    }

    public DeliveryFailure(String message, Integer statusCode) {
      this(message, statusCode, false, null);
    }

    public Integer statusCode() {
      return statusCode;
    }

    /** No retry can help (the subscription was deleted, the channel is not configured): the message is dead at once. */
    public boolean permanent() {
      return permanent;
    }
  }
}
