package com.leadhandoff.outbox;

import java.time.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The outbox at /actuator/prometheus and in the health: {@code leadhandoff_outbox_sent_total{channel}} and
 * {@code leadhandoff_outbox_failed_total{channel}} (attempts that failed, on this node),
 * {@code leadhandoff_outbox_died_total{channel}} (messages that ran out of attempts here); from the shared table, the same
 * on every node: {@code leadhandoff_outbox_pending}, {@code leadhandoff_outbox_dead} and
 * {@code leadhandoff_outbox_lag_seconds} (how long the longest-waiting due message has waited). The health
 * ({@code /actuator/health/operations}, component {@code outbox}) is LAGGING past {@code lead-handoff.outbox.max-lag}.
 */
@Component("outboxHealthIndicator") // the health component "outbox"
public class OutboxMetrics implements HealthIndicator {

  static final Status LAGGING = new Status("LAGGING", "due messages wait longer than lead-handoff.outbox.max-lag");

  private final MeterRegistry registry;
  private final Outbox outbox;
  private final OutboxProperties properties;

  /** The engine's clock (operations.EngineClock). */
  private final Clock time;

  public OutboxMetrics(MeterRegistry registry, Outbox outbox, OutboxProperties properties, Clock time) {
    this.time = time;
    this.registry = registry;
    this.outbox = outbox;
    this.properties = properties;
    Gauge.builder("leadhandoff.outbox.pending", () -> outbox.count(OutboxMessage.Status.PENDING))
        .description("Messages waiting to be delivered (due or waiting for a retry)").register(registry);
    Gauge.builder("leadhandoff.outbox.dead", () -> outbox.count(OutboxMessage.Status.DEAD))
        .description("Messages out of attempts: GET /api/outbox/dead, and send them again").register(registry);
    Gauge.builder("leadhandoff.outbox.lag.seconds", () -> lag().toSeconds())
        .description("How long the longest-waiting due message has waited").register(registry);
  }

  void sent(String channel) {
    Counter.builder("leadhandoff.outbox.sent").tag("channel", channel).description("Messages delivered by this node")
        .register(registry).increment();
  }

  void failed(String channel, boolean dead) {
    Counter.builder("leadhandoff.outbox.failed").tag("channel", channel).description("Delivery attempts that failed on this node")
        .register(registry).increment();
    if (dead) {
      Counter.builder("leadhandoff.outbox.died").tag("channel", channel).description("Messages that ran out of attempts on this node")
          .register(registry).increment();
    }
  }

  Duration lag() {
    OffsetDateTime now = OffsetDateTime.now(time);
    OffsetDateTime oldest = outbox.oldestDue(now);
    return oldest == null ? Duration.ZERO : Duration.between(oldest, now);
  }

  @Override
  public Health health() {
    Duration lag = lag();
    return Health.status(lag.compareTo(properties.maxLag()) > 0 ? LAGGING : Status.UP)
        .withDetail("pending", outbox.count(OutboxMessage.Status.PENDING)).withDetail("dead", outbox.count(OutboxMessage.Status.DEAD))
        .withDetail("lagSeconds", lag.toSeconds()).withDetail("maxLagSeconds", properties.maxLag().toSeconds()).build();
  }
}
