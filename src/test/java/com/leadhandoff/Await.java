package com.leadhandoff;

import java.time.Duration;
import java.util.function.Supplier;

/** A bounded poll: what another thread (the outbox worker) does is awaited, never slept for. */
public final class Await {

  private Await() {}

  /** Polls until the supplier gives a non-null value, at most {@code within}; fails naming what did not happen. */
  public static <T> T until(String what, Duration within, Supplier<T> value) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      T result = value.get();
      if (result != null) {
        return result;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + within + ": " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while awaiting: " + what, e);
      }
    }
  }

  /** The same for a condition. */
  public static void until(String what, Duration within, java.util.function.BooleanSupplier condition) {
    until(what, within, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
  }
}
