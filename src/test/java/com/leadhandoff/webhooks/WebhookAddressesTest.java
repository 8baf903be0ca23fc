package com.leadhandoff.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Outside the demo profile (and without the tests' explicit permission) a subscription may not make the server call
 * plain http, its own machine or a private network: each is refused with 400 problem details naming the URL's problem.
 */
@LeadHandoffTest
class WebhookAddressesTest {

  @LocalServerPort int port;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://127.0.0.1:9000/hook | must be https (plain http is allowed only in the demo profile)",
      "https://127.0.0.1/hook | is a loopback address (127.0.0.1)",
      "https://localhost/hook | is a loopback address",
      "https://[::1]/hook | is a loopback address",
      "https://10.1.2.3/hook | is in a private or reserved network (10.1.2.3)",
      "https://192.168.0.7/hook | is in a private or reserved network (192.168.0.7)",
      "https://169.254.169.254/latest/meta-data | is in a private or reserved network (169.254.169.254)",
      "https://[fd00::1]/hook | is in a private or reserved network",
      "ftp://crm.example/hook | must be an https URL",
      "https://user:secret@203.0.113.9/hook | must not carry credentials"})
  void isRefused(String url, String why) {
    ApiClient.Response refused = new ApiClient(port).post("/api/webhooks", "test-admin", "test-admin-password",
        "{\"url\": \"" + url + "\", \"eventTypes\": [\"lead.captured\"]}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("url");
    assertThat(refused.json().get("errors").get(0).get("message").asText()).contains(why);
  }
}
