package com.leadhandoff.outbox;

import com.leadhandoff.operations.PollingWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox on this node: every poll interval it takes the due messages it can lease, hands each to its
 * channel (several at once: a batch holds at most one message per ordering key, so order is kept), and records the
 * outcome with the attempt. Every node runs one; the lease, not a lock held open, keeps two nodes from delivering the
 * same message at once, and a node that dies mid-delivery leaves messages whose lease runs out for the others. A
 * receiver may so get a message twice, with the same id, and drops the repeat.
 */
@Component
public class OutboxWorker extends PollingWorker {

  private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

  private final Outbox outbox;
  private final OutboxProperties properties;
  private final OutboxMetrics metrics;
  private final TransactionTemplate transaction;
  private final Map<String, Channel> channels;
  private ExecutorService deliveries;

  /** The engine's clock (operations.EngineClock). */
  private final Clock time;

  public OutboxWorker(Outbox outbox, OutboxProperties properties, OutboxMetrics metrics, TransactionTemplate transaction,
      List<Channel> channels, Clock time) {
    super("outbox-worker");
    this.time = time;
    this.outbox = outbox;
    this.properties = properties;
    this.metrics = metrics;
    this.transaction = transaction;
    this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
  }

  /** Starts once the node is ready (models deployed), so that nothing is delivered by a node still starting. */
  @EventListener(ApplicationReadyEvent.class)
  public synchronized void ready() {
    if (!properties.workerEnabled() || deliveries != null) {
      return;
    }
    deliveries = Executors.newFixedThreadPool(properties.threads(), runnable -> new Thread(runnable, "outbox-delivery"));
    startRounds(properties.pollInterval());
    log.info("Outbox worker {} delivers every {} through {}", node, properties.pollInterval(), channels.keySet());
  }

  @Override
  protected void round() {
    try {
      while (isRunning() && deliverDue() == properties.batchSize()) {
        // a full batch: more may be due at once (a wave of SLA breaches), so the next round starts now
      }
    } catch (RuntimeException e) {
      log.warn("Outbox delivery round failed; the next round tries again", e);
    }
  }

  /** One round: leases what is due and delivers it; returns how many messages it delivered or tried. */
  public int deliverDue() {
    OffsetDateTime now = OffsetDateTime.now(time);
    List<UUID> leased = outbox.due(now, properties.batchSize()).stream()
        .filter(id -> outbox.lease(id, node, now, now.plus(properties.lease())))
        .toList();
    List<Future<?>> futures = new java.util.ArrayList<>();
    leased.forEach(id -> futures.add(deliveries.submit(() -> deliver(id))));
    for (Future<?> delivery : futures) {
      try {
        delivery.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return leased.size();
      } catch (java.util.concurrent.ExecutionException e) {
        log.warn("Outbox delivery failed unexpectedly", e.getCause());
      }
    }
    return leased.size();
  }

  private void deliver(UUID id) {
    OutboxMessage message = outbox.find(id).orElseThrow();
    OffsetDateTime at = OffsetDateTime.now(time);
    long started = System.nanoTime();
    int attempt = message.attempts() + 1;
    Integer statusCode = null;
    String error;
    boolean permanent;
    try {
      Channel channel = channels.get(message.channel());
      if (channel == null) {
        throw new Channel.DeliveryFailure("No channel '" + message.channel() + "' is configured on this node", null, true, null);
      }
      statusCode = channel.deliver(message);
      long millis = (System.nanoTime() - started) / 1_000_000;
      Integer code = statusCode;
      transaction.executeWithoutResult(status -> {
        outbox.attempted(id, attempt, at, node, true, code, null, millis);
        outbox.sent(id, node, OffsetDateTime.now(time));
      });
      metrics.sent(message.channel());
      return;
    } catch (Channel.DeliveryFailure failure) {
      statusCode = failure.statusCode();
      error = failure.getMessage();
      permanent = failure.permanent();
    } catch (RuntimeException unexpected) {
      error = unexpected.toString();
      permanent = false;
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    boolean dead = permanent || attempt >= properties.maxAttempts();
    OffsetDateTime next = OffsetDateTime.now(time).plus(backoff(attempt));
    Integer code = statusCode;
    String why = error;
    transaction.executeWithoutResult(status -> {
      outbox.attempted(id, attempt, at, node, false, code, why, millis);
      outbox.failed(id, node, why, dead, next);
    });
    metrics.failed(message.channel(), dead);
    if (dead) {
      log.warn("Outbox message {} ({} to {}) is dead after {} attempt(s): {}", id, message.channel(), message.recipient(), attempt, why);
    } else {
      log.info("Outbox message {} ({}) not delivered (attempt {}): {}; next attempt at {}", id, message.channel(), attempt, why, next);
    }
  }

  /**
   * The wait after the n-th failed attempt: exponential ({@code first-retry} x 2^(n-1), at most {@code max-retry}), with
   * jitter so that receivers that come back are not hit by every node at once: between half and all of it. Each wait
   * is at least as long as the one before.
   */
  Duration backoff(int failedAttempts) {
    long exponential = properties.firstRetry().toMillis() * (1L << Math.min(failedAttempts - 1, 30));
    long full = Math.min(exponential, properties.maxRetry().toMillis());
    long half = full / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
  }

  /** Stops taking messages; deliveries under way finish (or their lease runs out for another node). */
  @Override
  public void stop() {
    super.stop();
    if (deliveries != null) {
      deliveries.shutdown();
      try {
        deliveries.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
