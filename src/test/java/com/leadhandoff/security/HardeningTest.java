package com.leadhandoff.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.WebappSession;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.lead.Lead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Camunda 7's security instructions, checked on the running app: who gets in where, CSRF, serialized objects. */
@LeadHandoffTest
class HardeningTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired LeadCaptureService capture;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  ApiClient api;

  @BeforeEach
  void users() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, "nobody-in-particular"); // a Camunda user in no group
    TestUsers.ensure(identity, "hardening-admin", Groups.ADMINS);
    TestUsers.ensure(identity, "hardening-rep", "sales-emea");
  }

  /** Every /api endpoint as method and path, path variables filled with a random id, and the body type it takes. */
  private ApiClient.Response call(String[] endpoint, String user) {
    boolean multipart = endpoint[2].startsWith("multipart/");
    return api.send(endpoint[0], endpoint[1], user, TestUsers.PASSWORD, multipart
        ? "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.dmn\"\r\nContent-Type: text/xml\r\n\r\n<x/>\r\n--x--\r\n"
        : "{}",
        Map.of("Content-Type", multipart ? endpoint[2] + "; boundary=x" : endpoint[2]));
  }

  private List<String[]> apiEndpoints() {
    List<String[]> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      String consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
          .map(MediaType::toString).orElse("application/json");
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/")) {
          PreAuthorize allowed = entry.getValue().hasMethodAnnotation(PreAuthorize.class)
              ? entry.getValue().getMethodAnnotation(PreAuthorize.class) : entry.getValue().getBeanType().getAnnotation(PreAuthorize.class);
          String everyUser = Boolean.toString(allowed != null && allowed.value().equals(Access.PEOPLE));
          for (var method : info.getMethodsCondition().getMethods()) {
            endpoints.add(new String[] {method.name(), pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()), consumes, everyUser});
          }
        }
      }
    }
    assertThat(endpoints).hasSizeGreaterThan(10);
    return endpoints;
  }

  @Test
  void everyApiEndpointWithoutCredentialsIs401() {
    for (String[] endpoint : apiEndpoints()) {
      assertThat(call(endpoint, null).status()).as("%s %s", endpoint[0], endpoint[1]).isEqualTo(401);
    }
  }

  @Test
  void everyApiEndpointForAUserInNoGroupIs403() {
    for (String[] endpoint : apiEndpoints()) {
      int status = call(endpoint, "nobody-in-particular").status();
      // an endpoint for any user checks who may do what itself (a team's own people; one's own notification channels)
      if (!Boolean.parseBoolean(endpoint[3])) {
        assertThat(status).as("%s %s", endpoint[0], endpoint[1]).isEqualTo(403);
      }
    }
  }

  @Test
  void aWebappStateChangeWithoutTheCsrfTokenIsRefused() throws Exception {
    String first = queuedTask();
    String second = queuedTask();
    WebappSession session = new WebappSession(port, "default", "tasklist");
    assertThat(session.login("tasklist", "hardening-rep", TestUsers.PASSWORD)).isEqualTo(200);
    session.engineApi("GET", "/task/count"); // as Tasklist does after login: the new session gets its CSRF token on a read
    var claimed = session.engineApi("POST", "/task/" + first + "/claim");
    assertThat(claimed.statusCode()).as("with the token it works: %s", claimed.body()).isEqualTo(204);

    assertThat(session.engineApiWithoutCsrfToken("POST", "/task/" + second + "/claim").statusCode()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(second).singleResult().getAssignee()).as("not claimed").isNull();
  }

  /** An accept task in the EMEA team's queue. */
  private String queuedTask() {
    Lead lead = TestLeads.gradeA(capture, "csrf-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
    String task = tasks.createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult().getId();
    tasks.setAssignee(task, null);
    return task;
  }

  @Test
  void aSerializedJavaObjectVariableIsRefused() {
    Lead lead = TestLeads.gradeA(capture, "serialized-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(lead.id().toString()).list().get(0).getId();
    // java.util.ArrayList, serialized: what a deserialization attack would send
    ApiClient.Response response = api.send("PUT", "/engine-rest/process-instance/" + instance + "/variables/payload", "hardening-admin",
        TestUsers.PASSWORD, """
            {"value": "rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==", "type": "Object",
             "valueInfo": {"objectTypeName": "java.util.ArrayList", "serializationDataFormat": "application/x-java-serialized-object"}}""",
        Map.of());
    assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
    assertThat(runtime.getVariable(instance, "payload")).isNull();
  }

  @Test
  void noScriptEngineRunsCodeFromADeployedModel() {
    // only Camunda's own expression languages (FEEL, JUEL); no JavaScript, Groovy, Python or Ruby engine
    assertThat(new javax.script.ScriptEngineManager().getEngineFactories()).flatExtracting(javax.script.ScriptEngineFactory::getNames)
        .doesNotContain("javascript", "js", "JavaScript", "groovy", "Groovy", "python", "jython", "ruby", "jruby");
    // and the model guard refuses a script task before it is deployed at all (modelguard.ModelGuardDeploymentTest has the rest)
    assertThatThrownBy(() -> repository.createDeployment().name("hardening-script").addModelInstance("script.bpmn",
        Bpmn.createExecutableProcess("HardeningScript").camundaHistoryTimeToLive(1).startEvent()
            .scriptTask("Task_Exit").scriptFormat("javascript").scriptText("java.lang.System.exit(1)").endEvent().done()).deploy())
        .hasMessageContaining("Task_Exit").hasMessageContaining("script task (javascript)");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("HardeningScript").count()).isZero();
  }
}
