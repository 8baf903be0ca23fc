package com.leadhandoff.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Camunda stores new passwords with bcrypt (cost 10, about 60 ms a check) instead of its salted single-round
 * SHA-512, which a stolen table gives away at billions of guesses a second. A hash of an earlier version
 * ({SHA-512}) is still checked (Camunda's password manager always knows its default), and stored again with bcrypt at the user's next login
 * (CamundaUserAuthenticationProvider). Camunda hands the encryptor the password with the user's salt appended;
 * bcrypt reads at most 72 bytes, so it hashes the SHA-256 of that (Base64, 44 characters), as passlib's bcrypt_sha256.
 *
 * <p>Camunda's login lockout is off (every failed check would otherwise lock the account, for good after ten, for
 * anyone who knows a user name); failed logins are slowed per client address instead (FailedLogins).
 */
@Component
public class PasswordHashing extends AbstractProcessEnginePlugin {

  static final String ALGORITHM = "BCRYPT-SHA256";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordEncryptor(new Bcrypt());
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayFactor(1);
    configuration.setLoginDelayMaxTime(0);
  }

  /** Whether a stored password hash is of today's algorithm. */
  static boolean isCurrent(String storedHash) {
    return storedHash != null && storedHash.startsWith("{" + ALGORITHM + "}");
  }

  static final class Bcrypt implements PasswordEncryptor {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);

    @Override
    public String encrypt(String saltedPassword) {
      return bcrypt.encode(sha256(saltedPassword));
    }

    @Override
    public boolean check(String saltedPassword, String encrypted) {
      return bcrypt.matches(sha256(saltedPassword), encrypted);
    }

    @Override
    public String hashAlgorithmName() {
      return ALGORITHM;
    }

    private static String sha256(String text) {
      try {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
