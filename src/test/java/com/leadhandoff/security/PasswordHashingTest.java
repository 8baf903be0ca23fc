package com.leadhandoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Passwords are stored with bcrypt; one stored by an earlier version (salted SHA-512) is stored again at the next login. */
@LeadHandoffTest
class PasswordHashingTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  private String storedHash(String userId) {
    return jdbc.sql("select pwd_ from act_id_user where id_ = ?").param(userId).query(String.class).single();
  }

  @Test
  void aNewPasswordIsStoredWithBcrypt() {
    TestUsers.ensure(identity, "bcrypt-user", "sales-emea");
    assertThat(storedHash("bcrypt-user")).startsWith("{BCRYPT-SHA256}$2a$10$");
    assertThat(identity.checkPassword("bcrypt-user", TestUsers.PASSWORD)).isTrue();
    assertThat(identity.checkPassword("bcrypt-user", TestUsers.PASSWORD + "x")).isFalse();
  }

  @Test
  void aSha512HashOfAnEarlierVersionIsUpgradedAtTheNextLogin() {
    TestUsers.ensure(identity, "sha-user", Groups.SALES_MANAGERS);
    String salt = "MTIzNDU2Nzg5MDEyMzQ1Ng==";
    String earlier = "{SHA-512}" + new Sha512HashDigest().encrypt(EncryptionUtil.saltPassword(TestUsers.PASSWORD, salt));
    jdbc.sql("update act_id_user set pwd_ = ?, salt_ = ? where id_ = 'sha-user'").params(earlier, salt).update();
    ApiClient api = new ApiClient(port);
    assertThat(api.get("/api/reports/funnel", "sha-user", "not-the-password").status()).isEqualTo(401);
    assertThat(storedHash("sha-user")).as("a wrong password upgrades nothing").isEqualTo(earlier);

    assertThat(api.get("/api/reports/funnel", "sha-user", TestUsers.PASSWORD).status()).isEqualTo(200);

    assertThat(storedHash("sha-user")).startsWith("{BCRYPT-SHA256}");
    assertThat(api.get("/api/reports/funnel", "sha-user", TestUsers.PASSWORD).status()).isEqualTo(200);
    assertThat(api.get("/api/reports/funnel", "sha-user", "not-the-password").status()).isEqualTo(401);
  }
}
