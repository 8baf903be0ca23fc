package com.leadhandoff.capture;

/** The caller sent a different request under an Idempotency-Key it had already used. */
public class IdempotencyKeyReusedException extends RuntimeException {

  public IdempotencyKeyReusedException(String key) {
    super("Idempotency-Key '" + key + "' was already used for a different request; use a new key for a new lead.");
  }
}
