package com.leadhandoff.operations;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * A worker every node runs in the background once it is ready (the outbox's deliveries, the CSV imports' chunks):
 * a round at a fixed delay on a thread of its own, until the node stops. A round checks {@link #isRunning()} between
 * its pieces of work, so a stopping node finishes the piece under way and leaves the rest under its lease.
 */
public abstract class PollingWorker implements SmartLifecycle {

  /** This node, as the leases it takes name it. */
  protected final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  private final String threadName;
  private ScheduledExecutorService poller;
  private volatile boolean running;

  protected PollingWorker(String threadName) {
    this.threadName = threadName;
  }

  /** One round: works until nothing is due or the node stops. */
  protected abstract void round();

  /** Starts the rounds (once; false if they run already). */
  protected synchronized boolean startRounds(Duration interval) {
    if (poller != null) {
      return false;
    }
    poller = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, threadName));
    poller.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return true;
  }

  /** A round now rather than at the next interval (work arrived on this node). */
  protected synchronized void roundNow() {
    if (poller != null && running) {
      poller.execute(this::round);
    }
  }

  @Override
  public void start() {
    running = true;
  }

  /** Stops after the round's piece under way (waiting up to ten seconds for it). */
  @Override
  public void stop() {
    running = false;
    if (poller != null) {
      poller.shutdown();
      try {
        poller.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
