package com.leadhandoff.webhooks;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.leadhandoff.api.ApiProblems;
import com.leadhandoff.api.InvalidRequestException;
import com.leadhandoff.outbox.Outbox;
import com.leadhandoff.outbox.OutboxMessage;
import com.leadhandoff.security.Access;
import com.leadhandoff.security.ApiUser;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions, for administrators only: create one (the answer shows its secret, once), list and read them
 * (without the secret), delete one, read its delivery log (every message with its attempts) and replay a delivery.
 */
@RestController
@RequestMapping("/api/webhooks")
@PreAuthorize(Access.ADMINISTRATORS)
public class WebhooksController {

  private static final int LOG_SIZE = 200;

  /** What an administrator sends to subscribe. */
  public record SubscriptionRequest(String url, List<String> eventTypes, String description) {}

  /** A subscription as the API shows it: the secret only in the answer that created it. */
  public record SubscriptionView(UUID id, String url, List<String> eventTypes, String description, boolean active, String createdBy,
      OffsetDateTime createdAt, String secret) {

    static SubscriptionView of(WebhookSubscriptions.Subscription s, boolean withSecret) {
      return new SubscriptionView(s.id(), s.url(), s.eventTypes(), s.description(), s.active(), s.createdBy(), s.createdAt(),
          withSecret ? s.secret() : null);
    }
  }

  /** One delivery in the log: the message and its attempts. */
  public record Delivery(UUID id, String eventType, UUID leadId, OutboxMessage.Status status, int attempts, OffsetDateTime createdAt,
      OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String lastError, String body, List<OutboxMessage.Attempt> log) {}

  private final WebhookSubscriptions subscriptions;
  private final WebhookAddresses addresses;
  private final Outbox outbox;

  public WebhooksController(WebhookSubscriptions subscriptions, WebhookAddresses addresses, Outbox outbox) {
    this.subscriptions = subscriptions;
    this.addresses = addresses;
    this.outbox = outbox;
  }

  @PostMapping
  @ApiResponse(responseCode = "201", description = "The subscription, with its secret (shown in this answer only)")
  public ResponseEntity<SubscriptionView> create(@RequestBody SubscriptionRequest body, Authentication authentication) {
    List<ApiProblems.FieldError> errors = new ArrayList<>();
    if (body.url() == null || body.url().isBlank()) {
      errors.add(new ApiProblems.FieldError("url", "is required"));
    } else if (body.url().length() > 2000) {
      errors.add(new ApiProblems.FieldError("url", "is longer than 2000 characters"));
    } else {
      addresses.refusal(body.url()).ifPresent(why -> errors.add(new ApiProblems.FieldError("url", why)));
    }
    if (body.eventTypes() == null || body.eventTypes().isEmpty()) {
      errors.add(new ApiProblems.FieldError("eventTypes", "name at least one of " + WebhookEvents.TYPES));
    } else {
      for (int i = 0; i < body.eventTypes().size(); i++) {
        String type = body.eventTypes().get(i);
        if (!WebhookEvents.TYPES.contains(type)) {
          errors.add(new ApiProblems.FieldError("eventTypes[" + i + "]", "unknown event type '" + type + "'; known: " + WebhookEvents.TYPES));
        }
      }
    }
    if (body.description() != null && body.description().length() > 500) {
      errors.add(new ApiProblems.FieldError("description", "is longer than 500 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    WebhookSubscriptions.Subscription created = subscriptions.create(body.url(), body.eventTypes().stream().distinct().toList(),
        StandardWebhooks.newSecret(), body.description(), ApiUser.of(authentication).id());
    return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(SubscriptionView.of(created, true));
  }

  @GetMapping
  public List<SubscriptionView> list() {
    return subscriptions.all().stream().map(s -> SubscriptionView.of(s, false)).toList();
  }

  @GetMapping("/{id}")
  public ResponseEntity<?> subscription(@PathVariable UUID id) {
    return subscriptions.find(id).<ResponseEntity<?>>map(s -> ResponseEntity.ok(SubscriptionView.of(s, false))).orElseGet(() -> notFound(id));
  }

  /** 204; pending deliveries are not sent; the log stays readable. */
  @DeleteMapping("/{id}")
  @ApiResponse(responseCode = "204", description = "The subscription is ended; nothing more is sent to it")
  public ResponseEntity<?> delete(@PathVariable UUID id) {
    if (subscriptions.find(id).isEmpty()) {
      return notFound(id);
    }
    subscriptions.deactivate(id);
    return ResponseEntity.noContent().build();
  }

  /** The newest deliveries first, each with every attempt (when, which node, the answer or the error). */
  @GetMapping("/{id}/deliveries")
  public ResponseEntity<?> deliveries(@PathVariable UUID id) {
    if (subscriptions.find(id).isEmpty()) {
      return notFound(id);
    }
    return ResponseEntity.ok(outbox.toRecipient(WebhookChannel.NAME, id.toString(), LOG_SIZE).stream()
        .map(m -> new Delivery(m.id(), m.eventType(), m.leadId(), m.status(), m.attempts(), m.createdAt(), m.nextAttemptAt(), m.sentAt(),
            m.lastError(), m.body(), outbox.attempts(m.id())))
        .toList());
  }

  /** 202: sent again with the same webhook-id (a receiver that has it drops it); 409 while it is still pending. */
  @PostMapping("/{id}/deliveries/{messageId}/replay")
  @ApiResponse(responseCode = "202", description = "The delivery is sent again with the next round")
  @ApiResponse(responseCode = "409", description = "The delivery is still pending")
  public ResponseEntity<?> replay(@PathVariable UUID id, @PathVariable UUID messageId) {
    OutboxMessage message = outbox.find(messageId).filter(m -> m.channel().equals(WebhookChannel.NAME) && m.recipient().equals(id.toString()))
        .orElse(null);
    if (message == null || subscriptions.find(id).filter(WebhookSubscriptions.Subscription::active).isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No delivery " + messageId + " of active subscription " + id));
    }
    if (!outbox.sendAgain(messageId)) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Delivery " + messageId + " is still pending"));
    }
    return ResponseEntity.accepted().build();
  }

  private static ResponseEntity<?> notFound(UUID id) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No webhook subscription " + id));
  }
}
