package com.leadhandoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@LeadHandoffTest
class AuthenticationTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  ApiClient api;

  @BeforeEach
  void users() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, "modeler-user", Groups.PROCESS_OWNERS);
    TestUsers.ensure(identity, "crm-sync", Groups.INTEGRATION);
    TestUsers.ensure(identity, "rep-emea", "sales-emea");
  }

  @Test
  void theEngineRestApiAnswers401WithoutCredentialsEvenForTheEngineList() {
    assertThat(api.get("/engine-rest/engine", null, null).status()).isEqualTo(401);
    assertThat(api.get("/engine-rest/process-definition", null, null).status()).isEqualTo(401);
    assertThat(api.get("/engine-rest/engine", "modeler-user", "wrong").status()).isEqualTo(401);
  }

  @Test
  void theEngineRestApiAcceptsHttpBasicAgainstCamundaIdentityAsModelerSendsIt() {
    ApiClient.Response engines = api.get("/engine-rest/engine", "modeler-user", TestUsers.PASSWORD);
    assertThat(engines.status()).isEqualTo(200);
    assertThat(engines.json().get(0).get("name").asText()).isNotBlank();
  }

  @Test
  void theLeadApiAnswers401ProblemWithoutCredentials() {
    ApiClient.Response response = api.post("/api/leads", null, null, "{}");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(response.json().get("detail").asText()).contains("Bearer");
    assertThat(api.post("/api/leads", "crm-sync", "wrong", "{}").status()).isEqualTo(401);
    assertThat(api.get("/api/leads/00000000-0000-0000-0000-000000000000", "crm-sync", "Zm9v").status()).isEqualTo(401);
  }

  @Test
  void aRepMayNotPushLeadsInOnlyIntegrationsMay() {
    ApiClient.Response response = api.post("/api/leads", "rep-emea", TestUsers.PASSWORD,
        "{\"contact\":{\"email\":\"a@b.example\"},\"source\":\"web-form\"}");
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("detail").asText()).contains("rep-emea");
  }

  @Test
  void everyApiEndpointDeclaresWhichGroupsMayCallIt() {
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
      boolean underApi = entry.getKey().getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"));
      if (underApi) {
        HandlerMethod method = entry.getValue();
        assertThat(method.hasMethodAnnotation(PreAuthorize.class) || method.getBeanType().isAnnotationPresent(PreAuthorize.class))
            .as("%s declares @PreAuthorize", method)
            .isTrue();
      }
    }
  }
}
