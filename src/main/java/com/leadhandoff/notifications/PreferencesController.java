package com.leadhandoff.notifications;

import com.leadhandoff.api.ApiProblems;
import com.leadhandoff.api.InvalidRequestException;
import com.leadhandoff.security.Access;
import com.leadhandoff.security.ApiUser;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each user's notification channels: {@code GET/PUT /api/notifications/preferences} for oneself (any user), and
 * {@code /api/notifications/preferences/{userId}} for administrators. Channels: email, slack, teams; none at all is allowed.
 */
@RestController
@RequestMapping("/api/notifications/preferences")
public class PreferencesController {

  /** The channels a user gets notifications on, and the email address notices go to (the user's Camunda profile). */
  public record Preferences(String userId, List<String> channels, String email) {}

  /** What a user sends. */
  public record PreferencesRequest(List<String> channels) {}

  private final NotificationPreferences preferences;
  private final IdentityService identity;

  public PreferencesController(NotificationPreferences preferences, IdentityService identity) {
    this.preferences = preferences;
    this.identity = identity;
  }

  @GetMapping
  @PreAuthorize(Access.PEOPLE)
  public Preferences mine(Authentication authentication) {
    return of(ApiUser.of(authentication).id());
  }

  @PutMapping
  @PreAuthorize(Access.PEOPLE)
  public Preferences setMine(@RequestBody PreferencesRequest body, Authentication authentication) {
    return save(ApiUser.of(authentication).id(), body);
  }

  @GetMapping("/{userId}")
  @PreAuthorize(Access.ADMINISTRATORS)
  public ResponseEntity<?> ofUser(@PathVariable String userId) {
    return exists(userId) ? ResponseEntity.ok(of(userId)) : notFound(userId);
  }

  @PutMapping("/{userId}")
  @PreAuthorize(Access.ADMINISTRATORS)
  public ResponseEntity<?> setOfUser(@PathVariable String userId, @RequestBody PreferencesRequest body) {
    return exists(userId) ? ResponseEntity.ok(save(userId, body)) : notFound(userId);
  }

  private Preferences save(String userId, PreferencesRequest body) {
    List<ApiProblems.FieldError> errors = new ArrayList<>();
    if (body.channels() == null) {
      errors.add(new ApiProblems.FieldError("channels", "is required: a list of " + NotificationPreferences.CHANNELS + " (may be empty)"));
    } else {
      for (int i = 0; i < body.channels().size(); i++) {
        if (!NotificationPreferences.CHANNELS.contains(body.channels().get(i))) {
          errors.add(new ApiProblems.FieldError("channels[" + i + "]", "unknown channel '" + body.channels().get(i) + "'; known: "
              + NotificationPreferences.CHANNELS));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    preferences.save(userId, body.channels().stream().distinct().toList());
    return of(userId);
  }

  private Preferences of(String userId) {
    var user = identity.createUserQuery().userId(userId).singleResult();
    return new Preferences(userId, preferences.channels(userId), user == null ? null : user.getEmail());
  }

  private boolean exists(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0;
  }

  private static ResponseEntity<?> notFound(String userId) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No user " + userId));
  }
}
