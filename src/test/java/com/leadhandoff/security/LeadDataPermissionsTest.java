package com.leadhandoff.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.WebappSession;
import com.leadhandoff.handoff.RoutingRepository;
import com.leadhandoff.lead.Lead;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Least privilege on a lead's data, through the REST API and Tasklist's engine API as a rep or manager calls them: a
 * rep completes their task's form and can set nothing else of the lead; a task goes only to someone of its team, and
 * the routing ledger says who handed it on; object variables are refused.
 */
class LeadDataPermissionsTest extends LeadScenario {

  static final String REP = "lp-emea", TEAMMATE = "lp-emea-2", AMERICAS_REP = "lp-amer", MANAGER = "lp-manager",
      ADMIN = "lp-admin";

  @LocalServerPort int port;
  @Autowired RoutingRepository routing;
  @Autowired TaskWorkerAuthorizations taskWorkerAuthorizations;
  ApiClient api;
  TaskService tasks;
  RuntimeService runtime;

  @BeforeEach
  void users() {
    api = new ApiClient(port);
    tasks = engine.getTaskService();
    runtime = engine.getRuntimeService();
    var identity = engine.getIdentityService();
    TestUsers.ensure(identity, REP, "sales-emea");
    TestUsers.ensure(identity, TEAMMATE, "sales-emea");
    TestUsers.ensure(identity, AMERICAS_REP, "sales-americas");
    TestUsers.ensure(identity, MANAGER, Groups.SALES_MANAGERS);
    TestUsers.ensure(identity, ADMIN, Groups.ADMINS);
  }

  /** A Sales EMEA lead whose accept task is the rep's (or in the team queue, for null). */
  private Task acceptTask(String assignee) {
    Lead lead = TestLeads.gradeAAtOwnCompany(capture, "lp-" + UUID.randomUUID(), "webinar", null, "demo-request");
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult();
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "team")).isEqualTo("sales-emea");
    tasks.setAssignee(task.getId(), assignee);
    return task;
  }

  private ApiClient.Response rest(String user, String method, String path, String json) {
    return api.send(method, "/engine-rest" + path, user, TestUsers.PASSWORD, json, Map.of());
  }

  private static String string(String value) {
    return "{\"value\": \"" + value + "\", \"type\": \"String\"}";
  }

  private Object variable(Task task, String name) {
    return runtime.getVariable(task.getProcessInstanceId(), name);
  }

  // a rep works the form, not the lead's data /////////////////////////////////////////////////////////////////////

  @Test
  void aRepCannotSetTheLeadsTeamBreachesOrEmailOnTheirOwnTask() {
    Task task = acceptTask(REP);
    Object email = variable(task, "email");
    String id = task.getId();

    assertThat(rest(REP, "PUT", "/task/" + id + "/variables/team", string("sales-americas")).status()).isEqualTo(403);
    assertThat(rest(REP, "PUT", "/task/" + id + "/variables/acceptBreaches", "{\"value\": 5, \"type\": \"Integer\"}").status())
        .isEqualTo(403);
    assertThat(rest(REP, "PUT", "/task/" + id + "/variables/email", string("attacker@evil.example")).status()).isEqualTo(403);
    assertThat(rest(REP, "POST", "/task/" + id + "/variables",
        "{\"modifications\": {\"team\": " + string("sales-americas") + "}}").status()).isEqualTo(403);
    assertThat(rest(REP, "PUT", "/task/" + id + "/localVariables/team", string("sales-americas")).status()).isEqualTo(403);
    assertThat(rest(REP, "DELETE", "/task/" + id + "/variables/team", "").status()).isEqualTo(403);
    assertThat(rest(REP, "PUT", "/process-instance/" + task.getProcessInstanceId() + "/variables/team", string("sales-americas"))
        .status()).isEqualTo(403);

    assertThat(variable(task, "team")).isEqualTo("sales-emea");
    assertThat(variable(task, "acceptBreaches")).isNull();
    assertThat(variable(task, "email")).isEqualTo(email);
    // what the form shows still reads: the task's variables
    assertThat(rest(REP, "GET", "/task/" + id + "/form-variables", "").status()).isEqualTo(200);
    assertThat(rest(REP, "GET", "/task/" + id + "/variables/companyName", "").json().get("value").asText()).endsWith("Industries");
  }

  @Test
  void aCompletionWithAVariableThatIsNotAFieldOfTheTasksFormIsRefusedAndWritesNothing() {
    Task task = acceptTask(REP);
    String id = task.getId();

    ApiClient.Response withTeam = rest(REP, "POST", "/task/" + id + "/complete",
        "{\"variables\": {\"decision\": " + string("accept") + ", \"team\": " + string("sales-americas") + "}}");
    assertThat(withTeam.status()).isEqualTo(400);
    assertThat(withTeam.json().get("message").asText()).contains("not team").contains("decision");
    assertThat(rest(REP, "POST", "/task/" + id + "/submit-form",
        "{\"variables\": {\"decision\": " + string("accept") + ", \"acceptBreaches\": {\"value\": 0, \"type\": \"Integer\"}}}").status())
        .isEqualTo(400);
    assertThat(rest(REP, "POST", "/task/" + id + "/resolve", "{\"variables\": {\"email\": " + string("x@evil.example") + "}}").status())
        .isEqualTo(400);
    assertThat(rest(REP, "POST", "/task/" + id + "/bpmnError",
        "{\"errorCode\": \"any\", \"variables\": {\"team\": " + string("sales-americas") + "}}").status()).isEqualTo(400);

    assertThat(tasks.createTaskQuery().taskId(id).count()).as("the task stays open").isEqualTo(1);
    assertThat(variable(task, "team")).isEqualTo("sales-emea");
    assertThat(variable(task, "decision")).isNull();

    assertThat(rest(REP, "POST", "/task/" + id + "/complete", "{\"variables\": {\"decision\": " + string("accept") + "}}").status())
        .isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(id).count()).isZero();
    assertThat(variable(task, "team")).isEqualTo("sales-emea");
  }

  @Test
  void tasklistsOwnSubmissionWithAnotherVariableIsRefusedToo() throws Exception {
    Task task = acceptTask(REP);
    WebappSession tasklist = new WebappSession(port, "default", "tasklist");
    assertThat(tasklist.login("tasklist", REP, TestUsers.PASSWORD)).isEqualTo(200);
    tasklist.engineApi("GET", "/task/count"); // the session's first read hands out its CSRF token
    var refused = tasklist.engineApi("POST", "/task/" + task.getId() + "/submit-form",
        "{\"variables\": {\"decision\": {\"value\": \"accept\"}, \"email\": {\"value\": \"x@evil.example\"}}}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("not email");
    var accepted = tasklist.engineApi("POST", "/task/" + task.getId() + "/submit-form", "{\"variables\": {\"decision\": {\"value\": \"accept\"}}}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
  }

  // a task goes only to someone of its team, through the routing ledger //////////////////////////////////////////

  @Test
  void nobodyHandsATaskToSomeoneOutsideItsTeam() {
    Task task = acceptTask(REP);
    String id = task.getId();
    for (String caller : List.of(REP, MANAGER, ADMIN)) {
      assertThat(rest(caller, "POST", "/task/" + id + "/assignee", "{\"userId\": \"" + ADMIN + "\"}").status()).as(caller).isEqualTo(403);
      assertThat(rest(caller, "POST", "/task/" + id + "/assignee", "{\"userId\": \"" + AMERICAS_REP + "\"}").status()).as(caller)
          .isEqualTo(403);
    }
    assertThat(rest(REP, "POST", "/task/" + id + "/delegate", "{\"userId\": \"" + AMERICAS_REP + "\"}").status()).isEqualTo(403);
    assertThat(rest(REP, "POST", "/task/" + id + "/identity-links", "{\"userId\": \"" + AMERICAS_REP + "\", \"type\": \"candidate\"}")
        .status()).isEqualTo(403);
    assertThat(rest(REP, "POST", "/task/" + id + "/identity-links", "{\"groupId\": \"sales-americas\", \"type\": \"candidate\"}")
        .status()).isEqualTo(403);
    assertThat(rest(REP, "PUT", "/task/" + id, "{\"name\": \"Accept or reject lead\", \"assignee\": \"" + AMERICAS_REP + "\"}").status())
        .isEqualTo(403);
    tasks.setAssignee(id, null); // in the team queue: claiming for someone else is assigning them
    assertThat(rest(REP, "POST", "/task/" + id + "/claim", "{\"userId\": \"" + AMERICAS_REP + "\"}").status()).isEqualTo(403);
    assertThat(rest(AMERICAS_REP, "POST", "/task/" + id + "/claim", "{\"userId\": \"" + AMERICAS_REP + "\"}").status()).isIn(403, 404);

    Task unchanged = tasks.createTaskQuery().taskId(id).singleResult();
    assertThat(unchanged.getAssignee()).isNull();
    assertThat(tasks.getIdentityLinksForTask(id)).noneMatch(link -> AMERICAS_REP.equals(link.getUserId())
        || "sales-americas".equals(link.getGroupId()));
  }

  @Test
  void aTaskHandedToATeammateIsInTheRoutingLedgerWithWhoAndHow() {
    Task task = acceptTask(null);
    String id = task.getId();
    UUID lead = UUID.fromString(runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
        .getBusinessKey());

    assertThat(rest(REP, "POST", "/task/" + id + "/claim", "{\"userId\": \"" + REP + "\"}").status()).isEqualTo(204);
    assertThat(lastLedgerLine(lead)).satisfies(line -> {
      assertThat(line.assignee()).isEqualTo(REP);
      assertThat(line.team()).isEqualTo("sales-emea");
      assertThat(line.reason()).isEqualTo("Accept or reject lead: claimed by " + REP + " from the team queue");
    });
    assertThat(rest(REP, "POST", "/task/" + id + "/delegate", "{\"userId\": \"" + TEAMMATE + "\"}").status()).isEqualTo(204);
    assertThat(lastLedgerLine(lead).reason()).isEqualTo("Accept or reject lead: delegated by " + REP + " to " + TEAMMATE);
    assertThat(rest(MANAGER, "POST", "/task/" + id + "/assignee", "{\"userId\": \"" + REP + "\"}").status()).isEqualTo(204);
    assertThat(lastLedgerLine(lead)).satisfies(line -> {
      assertThat(line.assignee()).isEqualTo(REP);
      assertThat(line.reason()).isEqualTo("Accept or reject lead: reassigned by " + MANAGER + " from " + TEAMMATE + " to " + REP);
    });
    assertThat(variable(task, "assignee")).as("the lead's rep, whom a breach would skip").isEqualTo(REP);
    assertThat(rest(REP, "POST", "/task/" + id + "/unclaim", "").status()).isEqualTo(204);
    assertThat(lastLedgerLine(lead)).satisfies(line -> {
      assertThat(line.assignee()).isNull();
      assertThat(line.reason()).isEqualTo("Accept or reject lead: returned to the team queue by " + REP + " (was " + REP + ")");
    });
  }

  private RoutingRepository.LedgerEntry lastLedgerLine(UUID lead) {
    List<RoutingRepository.LedgerEntry> ledger = routing.ledger(lead);
    return ledger.get(ledger.size() - 1);
  }

  // object variables ///////////////////////////////////////////////////////////////////////////////////////////////

  static final String URL_OBJECT = """
      {"value": "\\"http://attacker.example/\\"", "type": "Object",
       "valueInfo": {"objectTypeName": "java.net.URL", "serializationDataFormat": "application/json"}}""";

  @Test
  void anObjectVariableIsRefusedThroughTheRestApi() {
    Task task = acceptTask(REP);
    String instance = task.getProcessInstanceId();
    ApiClient.Response refused = rest(ADMIN, "PUT", "/process-instance/" + instance + "/variables/payload", URL_OBJECT);
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("java.net.URL");
    assertThat(rest(ADMIN, "POST", "/process-instance/" + instance + "/variables", "{\"modifications\": {\"payload\": {\"value\": {\"a\": 1}}}}")
        .status()).as("a JSON object without a type is stored as an object").isEqualTo(400);
    assertThat(rest(REP, "POST", "/task/" + task.getId() + "/complete", "{\"variables\": {\"decision\": " + URL_OBJECT + "}}").status())
        .isEqualTo(400);
    assertThat(runtime.getVariable(instance, "payload")).isNull();
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    // what stays allowed: JSON as JSON
    assertThat(rest(ADMIN, "PUT", "/process-instance/" + instance + "/variables/notes", "{\"value\": \"{\\\"a\\\": 1}\", \"type\": \"Json\"}")
        .status()).isEqualTo(204);
  }

  @Test
  void theEngineDeserializesNoForeignClassEvenIfOneIsStored() {
    String instance = acceptTask(REP).getProcessInstanceId();
    runtime.setVariable(instance, "stored", Variables.serializedObjectValue("\"http://attacker.example/\"")
        .objectTypeName("java.net.URL").serializationDataFormat("application/json").create());
    assertThatThrownBy(() -> runtime.getVariable(instance, "stored")).hasStackTraceContaining("java.net.URL");
    runtime.removeVariable(instance, "stored");
  }

  // a database started by an earlier version //////////////////////////////////////////////////////////////////////

  @Test
  void anOpenTaskOfAnEarlierVersionIsNarrowedAtTheNextStart() {
    Task task = acceptTask(REP);
    var authorizations = engine.getAuthorizationService();
    // as an earlier version left it: the assignee and the team may UPDATE the task, the card's variables on the
    // process instance (which held all of a lead's facts), none on the task
    runtime.setVariables(task.getProcessInstanceId(), tasks.getVariablesLocal(task.getId(), List.of("companyName", "email", "priority")));
    for (var grant : authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).list()) {
      grant.setPermissions(new org.camunda.bpm.engine.authorization.Permission[] {Permissions.READ, Permissions.UPDATE});
      authorizations.saveAuthorization(grant);
    }
    tasks.removeVariablesLocal(task.getId(), List.of("companyName", "email", "priority"));
    engine.getManagementService().deleteProperty(TaskWorkerAuthorizations.NARROWED);
    assertThat(rest(REP, "PUT", "/task/" + task.getId() + "/variables/team", string("sales-americas")).status()).as("before").isEqualTo(204);
    runtime.setVariable(task.getProcessInstanceId(), "team", "sales-emea");

    taskWorkerAuthorizations.narrowOpenTasksOnce();
    assertThat(rest(REP, "PUT", "/task/" + task.getId() + "/variables/team", string("sales-americas")).status()).isEqualTo(403);
    assertThat(rest(REP, "POST", "/task/" + task.getId() + "/claim", "{\"userId\": \"" + REP + "\"}").status()).isEqualTo(204);
    var card = rest(REP, "GET", "/variable-instance?variableName=companyName&taskIdIn=" + task.getId(), "").json();
    assertThat(card.findValuesAsText("value")).singleElement().satisfies(company -> assertThat(company).endsWith("Industries"));
    assertThat(engine.getManagementService().getProperties()).containsKey(TaskWorkerAuthorizations.NARROWED);
  }
}
