package com.leadhandoff.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client address, a token bucket each (Bucket4j): {@code failed-logins-per-address} failures, then
 * one more each time the period has refilled one. Every failed password or integration key of the address takes a
 * token; while none is left its logins with a password answer 429 with Retry-After without being checked, so
 * guessing a password is slow, and no one's account is locked by it. Buckets live in this node's memory (at most
 * 100,000 addresses, forgotten a period after their last failure): with N nodes an address has N times the failures.
 */
@Component
public class FailedLogins {

  private final int attempts;
  private final Duration period;
  private final Cache<String, Bucket> buckets;

  FailedLogins(SecurityProperties properties) {
    this.attempts = properties.failedLoginsPerAddress();
    this.period = properties.failedLoginsPeriod();
    this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(period).build();
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
      buckets.get(details.getRemoteAddress(), address -> newBucket()).tryConsume(1);
    }
  }

  /** How long the address must wait before its next login is checked: zero when it may try now. */
  public Duration waitBeforeNextLogin(String address) {
    Bucket bucket = buckets.getIfPresent(address);
    if (bucket == null) {
      return Duration.ZERO;
    }
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
  }

  private Bucket newBucket() {
    return Bucket.builder().addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, period)).build();
  }
}
