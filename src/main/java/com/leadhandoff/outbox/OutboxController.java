package com.leadhandoff.outbox;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.leadhandoff.security.Access;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox for sales managers and administrators: the dead messages (out of attempts, with the last error), the
 * messages sent or waiting (the demo's view of the notifications it sent), each message's attempts, and sending a dead
 * message again (same id, attempts counted anew).
 */
@RestController
@RequestMapping("/api/outbox")
@PreAuthorize(Access.MANAGING)
public class OutboxController {

  private static final int MAX_LISTED = 500;

  private final Outbox outbox;

  public OutboxController(Outbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/dead")
  public List<OutboxMessage> dead(@RequestParam(required = false) String channel) {
    return outbox.withStatus(OutboxMessage.Status.DEAD, channel, MAX_LISTED);
  }

  /** The newest messages of a status (SENT, PENDING, DEAD), e.g. {@code ?status=SENT&channel=email}. */
  @GetMapping("/messages")
  @ApiResponse(responseCode = "200", description = "The newest messages of the status",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = OutboxMessage.class))))
  public ResponseEntity<?> messages(@RequestParam(defaultValue = "SENT") String status, @RequestParam(required = false) String channel) {
    OutboxMessage.Status parsed;
    try {
      parsed = OutboxMessage.Status.valueOf(status);
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "status must be one of " + List.of(OutboxMessage.Status.values()) + ", not '" + status + "'"));
    }
    return ResponseEntity.ok(outbox.withStatus(parsed, channel, MAX_LISTED));
  }

  @GetMapping("/messages/{id}")
  public ResponseEntity<?> message(@PathVariable UUID id) {
    return outbox.find(id)
        .<ResponseEntity<?>>map(message -> ResponseEntity.ok(Map.of("message", message, "attempts", outbox.attempts(id))))
        .orElseGet(() -> notFound(id));
  }

  /** 202: the message goes out again with the next round; 404 unknown; 409 while it is still pending. */
  @PostMapping("/messages/{id}/send-again")
  @ApiResponse(responseCode = "202", description = "The message goes out again with the next round")
  @ApiResponse(responseCode = "409", description = "The message is still pending: it is being delivered")
  public ResponseEntity<?> sendAgain(@PathVariable UUID id) {
    if (outbox.find(id).isEmpty()) {
      return notFound(id);
    }
    if (!outbox.sendAgain(id)) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Message " + id + " is still pending: it is being delivered"));
    }
    return ResponseEntity.accepted().body(outbox.find(id).orElseThrow());
  }

  static ResponseEntity<?> notFound(UUID id) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No message " + id));
  }
}
