package com.leadhandoff.integrations;

import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.InvalidRequestException;
import com.leadhandoff.security.Access;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, rotates, revokes and checks integration keys. A key is {@code lh_} and 32 random bytes (Base64url): it
 * cannot be guessed, so SHA-256 is enough to store it (a password needs a slow hash because people choose them).
 */
@Service
public class IntegrationKeys {

  static final String PREFIX = "lh_";
  static final List<String> SCOPES = List.of(Access.CAPTURE_SCOPE, Access.READ_SCOPE);
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");
  private static final int MAX_NAME = 64;

  private final IntegrationKeyRepository keys;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  IntegrationKeys(IntegrationKeyRepository keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** A new integration's key; refused (400) for a bad name or scopes, 409 when the integration has an active key. */
  @Transactional
  public IntegrationKey.Issued create(String integration, List<String> scopes, String by) {
    validate(integration, scopes);
    Optional<IntegrationKey> existing = keys.find(integration);
    if (existing.isPresent() && existing.get().revokedAt() == null) {
      throw new KeyExistsException(integration);
    }
    List<String> ordered = SCOPES.stream().filter(scopes::contains).toList();
    String key = newKey();
    OffsetDateTime now = now();
    keys.create(integration, ordered, hash(key), key.substring(0, 10), now, by);
    return new IntegrationKey.Issued(integration, ordered, key, now);
  }

  /** A demo profile's key, given in its configuration: created when missing, so the demo web form works at once. */
  @Transactional
  public void ensure(String integration, List<String> scopes, String key, String by) {
    if (keys.find(integration).isEmpty()) {
      validate(integration, scopes);
      keys.create(integration, scopes, hash(key), key.substring(0, Math.min(10, key.length())), now(), by);
    }
  }

  /** A new key for the integration; the old one stops working at once. Empty when it has no active key. */
  @Transactional
  public Optional<IntegrationKey.Issued> rotate(String integration) {
    String key = newKey();
    OffsetDateTime now = now();
    if (!keys.rotate(integration, hash(key), key.substring(0, 10), now)) {
      return Optional.empty();
    }
    return Optional.of(new IntegrationKey.Issued(integration, keys.find(integration).orElseThrow().scopes(), key, now));
  }

  public boolean revoke(String integration, String by) {
    return keys.revoke(integration, now(), by);
  }

  public List<IntegrationKey> all() {
    return keys.all();
  }

  /** The integration this key belongs to, if it is an active key. */
  Optional<IntegrationKey> check(String key) {
    return key.startsWith(PREFIX) ? keys.findActiveByHash(hash(key)) : Optional.empty();
  }

  private static void validate(String integration, List<String> scopes) {
    List<FieldError> errors = new ArrayList<>();
    if (integration == null || integration.length() > MAX_NAME || !NAME.matcher(integration).matches()) {
      errors.add(new FieldError("integration", "must be 1 to " + MAX_NAME + " lower-case letters and digits, '.', '_' or '-' inside"));
    }
    if (scopes == null || scopes.isEmpty()) {
      errors.add(new FieldError("scopes", "must name at least one of " + SCOPES));
    } else {
      scopes.stream().filter(scope -> !SCOPES.contains(scope)).distinct()
          .forEach(scope -> errors.add(new FieldError("scopes", "unknown scope '" + scope + "': must be one of " + SCOPES)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  private String newKey() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** The integration has an active key: rotate it, or revoke it first. */
  static class KeyExistsException extends RuntimeException {
    KeyExistsException(String integration) {
      super("Integration " + integration + " has a key: rotate it (POST /api/integration-keys/" + integration
          + "/rotation) or revoke it (DELETE) first");
    }
  }
}
