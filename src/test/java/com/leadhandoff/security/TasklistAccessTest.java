package com.leadhandoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.Jobs;
import com.leadhandoff.LeadScenario;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.WebappSession;
import com.leadhandoff.lead.Lead;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every task works in the real Tasklist: comments and history, the process's name and diagram, the company on the
 * task card, and the Breached SLAs filter, each checked through the calls Tasklist makes (session login, CSRF
 * token, {@code /camunda/api/engine/...}). Hot leads in Sales EMEA, captured Tuesday 10:00 Berlin time: accept
 * within 1 business hour (warning after 45 minutes), first contact within 4.
 */
class TasklistAccessTest extends LeadScenario {

  static final ObjectMapper JSON = new ObjectMapper();
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String EMEA_REP = "access-emea", AMERICAS_REP = "access-amer", MANAGER = "access-manager", MARKETING = "access-mkt";

  @LocalServerPort int port;
  @Autowired IdentityBootstrap bootstrap;
  @Autowired TaskWorkerAuthorizations taskWorkerAuthorizations;
  TaskService tasks;

  @BeforeEach
  void users() {
    tasks = engine.getTaskService();
    TestUsers.ensure(engine.getIdentityService(), EMEA_REP, "sales-emea");
    TestUsers.ensure(engine.getIdentityService(), AMERICAS_REP, "sales-americas");
    TestUsers.ensure(engine.getIdentityService(), MANAGER, Groups.SALES_MANAGERS);
    TestUsers.ensure(engine.getIdentityService(), MARKETING, Groups.MARKETING);
  }

  static Date berlin(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant());
  }

  /** A logged-in Tasklist session. */
  final class Tasklist {
    final WebappSession session;

    Tasklist(String user) throws Exception {
      session = new WebappSession(port, "default", "tasklist");
      assertThat(session.login("tasklist", user, TestUsers.PASSWORD)).as("login of " + user).isEqualTo(200);
      // as Tasklist does after the login: loads the filters (the new session's first GET hands out its CSRF token)
      ok(call("GET", "/filter?resourceType=Task"));
    }

    HttpResponse<String> call(String method, String path) throws Exception {
      return session.engineApi(method, path);
    }

    HttpResponse<String> call(String method, String path, Object body) throws Exception {
      return session.engineApi(method, path, JSON.writeValueAsString(body));
    }

    JsonNode ok(HttpResponse<String> response) throws Exception {
      assertThat(response.statusCode()).as("%s answers: %s", response.uri(), response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    }

    String filterId(String name) throws Exception {
      for (JsonNode filter : ok(call("GET", "/filter?resourceType=Task"))) {
        if (filter.get("name").asText().equals(name)) {
          return filter.get("id").asText();
        }
      }
      throw new AssertionError(name + " is not among the filters of this user");
    }

    /** The task list of a filter as Tasklist loads it, narrowed to some leads as Tasklist's search narrows it. */
    JsonNode filterList(String filterName, Lead... leads) throws Exception {
      ObjectNode body = JSON.createObjectNode();
      body.putArray("processVariables");
      body.putArray("taskVariables");
      body.putArray("caseInstanceVariables");
      body.put("firstResult", 0).put("maxResults", 15).put("active", true);
      body.putArray("sorting").addObject().put("sortBy", "created").put("sortOrder", "desc");
      var instances = body.putArray("processInstanceIdIn"); // a filter is extended by process instance ids, not by business keys
      for (Lead lead : leads) {
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(lead.id().toString()).list()
            .forEach(instance -> instances.add(instance.getId()));
      }
      return ok(call("POST", "/filter/" + filterId(filterName) + "/list?firstResult=0&maxResults=15", body));
    }
  }

  private Lead hotLeadAt10() {
    clockAt(berlin("2026-12-01T10:00"));
    return TestLeads.gradeA(capture, "access-" + UUID.randomUUID() + "@acme.example", "webinar", null, "demo-request");
  }

  private Task openTask(Lead lead) {
    return tasks.createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult();
  }

  private void travelTo(String berlinTime, Lead lead) {
    clockAt(berlin(berlinTime));
    Jobs.runDueForLead(engine, lead.id());
  }

  private void complete(Lead lead, String taskKey, Map<String, Object> answers) {
    Task task = openTask(lead);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    tasks.complete(task.getId(), answers);
    Jobs.runDueForLead(engine, lead.id());
  }

  private static List<String> ids(JsonNode halList) {
    JsonNode embedded = halList.path("_embedded").path("task");
    return StreamSupport.stream(embedded.spliterator(), false).map(task -> task.get("id").asText()).toList();
  }

  // 1. comments and history ////////////////////////////////////////////////////////////////////////////////////

  @Test
  void aRepCommentsOnTheirTeamsTaskAndReadsTheSlaReminderAndTheTasksHistory() throws Exception {
    Lead lead = hotLeadAt10();
    String task = openTask(lead).getId();
    travelTo("2026-12-01T10:46", lead); // the accept SLA's warning: SlaClock.remind comments on the task
    assertThat(openTask(lead).getId()).isEqualTo(task);

    Tasklist rep = new Tasklist(EMEA_REP);
    JsonNode created = rep.ok(rep.call("POST", "/task/" + task + "/comment/create", Map.of("message", "Called, voicemail")));
    assertThat(created.get("message").asText()).isEqualTo("Called, voicemail");
    assertThat(created.get("userId").asText()).isEqualTo(EMEA_REP);

    JsonNode comments = rep.ok(rep.call("GET", "/task/" + task + "/comment"));
    assertThat(comments.findValuesAsText("message")).hasSize(2).contains("Called, voicemail")
        .anySatisfy(message -> assertThat(message).startsWith("Reminder: the ACCEPT SLA is due"));
    // the History tab: the task's user operations (none are kept at history level activity) and its comments
    assertThat(rep.ok(rep.call("GET", "/history/user-operation/count?taskId=" + task)).get("count").isNumber()).isTrue();
    assertThat(rep.ok(rep.call("GET", "/history/user-operation?taskId=" + task + "&maxResults=50&firstResult=0")).isArray()).isTrue();
    assertThat(rep.ok(rep.call("GET", "/history/task?taskId=" + task)).findValuesAsText("id")).containsExactly(task);
  }

  @Test
  void aRepOfAnotherTeamCannotCommentOnOrReadTheTaskOrItsHistory() throws Exception {
    Lead lead = hotLeadAt10();
    String task = openTask(lead).getId();
    travelTo("2026-12-01T10:46", lead);

    Tasklist americas = new Tasklist(AMERICAS_REP);
    assertThat(americas.call("POST", "/task/" + task + "/comment/create", Map.of("message", "not my lead")).statusCode())
        .isIn(400, 403, 404);
    assertThat(americas.call("GET", "/task/" + task + "/comment").statusCode()).isIn(403, 404);
    assertThat(americas.ok(americas.call("GET", "/history/task?taskId=" + task)).size()).isZero();
    assertThat(americas.ok(americas.call("GET", "/history/user-operation/count?taskId=" + task)).get("count").asLong()).isZero();
    assertThat(tasks.getTaskComments(task)).singleElement()
        .satisfies(comment -> assertThat(comment.getFullMessage()).startsWith("Reminder:"));
  }

  @Test
  void aTaskOpenedBeforeThisVersionGetsItsHistoryAndCardGrantsAtTheNextStart() throws Exception {
    Lead lead = hotLeadAt10();
    Task task = openTask(lead);
    var authorizations = engine.getAuthorizationService();
    // as an earlier version left the task: only its TASK grants
    for (var resource : List.of(org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE)) {
      authorizations.createAuthorizationQuery().resourceType(resource)
          .resourceId(resource == org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK ? task.getId() : task.getProcessInstanceId())
          .list().forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }
    engine.getManagementService().deleteProperty(TaskWorkerAuthorizations.BACKFILLED);
    Tasklist rep = new Tasklist(EMEA_REP);
    assertThat(rep.call("GET", "/task/" + task.getId() + "/comment").statusCode()).as("without the grants").isEqualTo(404);

    taskWorkerAuthorizations.grantOpenTasksOnce();
    assertThat(rep.call("POST", "/task/" + task.getId() + "/comment/create", Map.of("message", "Seen")).statusCode()).isEqualTo(200);
    // the lead's process instance (its variables only through the task: see LeadDataPermissionsTest)
    assertThat(rep.ok(rep.call("GET", "/process-instance/" + task.getProcessInstanceId())).get("id").asText())
        .isEqualTo(task.getProcessInstanceId());
    assertThat(engine.getManagementService().getProperties()).containsKey(TaskWorkerAuthorizations.BACKFILLED);
  }

  // 2. process name and diagram ////////////////////////////////////////////////////////////////////////////////

  @Test
  void repsMarketingAndManagersOpenBothProcessesDiagrams() throws Exception {
    for (String user : List.of(EMEA_REP, AMERICAS_REP, MARKETING, MANAGER)) {
      Tasklist tasklist = new Tasklist(user);
      for (String key : com.leadhandoff.deployment.Processes.ALL) {
        JsonNode definition = tasklist.ok(tasklist.call("GET", "/process-definition/key/" + key));
        assertThat(definition.get("name").asText()).as(user + " reads " + key).isNotBlank();
        JsonNode xml = tasklist.ok(tasklist.call("GET", "/process-definition/" + definition.get("id").asText() + "/xml"));
        assertThat(xml.get("bpmn20Xml").asText()).as(user + " opens the diagram of " + key).contains("id=\"" + key + "\"");
      }
    }
  }

  @Test
  void aFollowUpTaskCardNamesItsProcessAndTheCompany() throws Exception {
    Lead lead = hotLeadAt10();
    complete(lead, "Task_AcceptLead", Map.of("decision", "accept"));
    Task contact = openTask(lead);
    assertThat(contact.getTaskDefinitionKey()).isEqualTo("Task_LogFirstContact");
    tasks.setAssignee(contact.getId(), null); // in the team's queue

    Tasklist rep = new Tasklist(EMEA_REP);
    JsonNode list = rep.filterList("Team queue", lead);
    assertThat(ids(list)).containsExactly(contact.getId());
    assertThat(list.path("_embedded").path("processDefinition").findValuesAsText("name")).containsExactly("Sales follow-up");
    JsonNode card = list.path("_embedded").path("task").get(0).path("_embedded").path("variable");
    Map<String, String> shown = StreamSupport.stream(card.spliterator(), false)
        .collect(Collectors.toMap(v -> v.get("name").asText(), v -> v.get("value").asText()));
    assertThat(shown).containsEntry("companyName", "Acme").containsKey("email").containsKey("priority");
  }

  // 3. card variables //////////////////////////////////////////////////////////////////////////////////////////

  @Test
  void everyFilterOfTheProductShowsTheCompanyOnItsCards() throws Exception {
    for (String user : List.of(EMEA_REP, MARKETING)) {
      Tasklist tasklist = new Tasklist(user);
      for (JsonNode filter : tasklist.ok(tasklist.call("GET", "/filter?resourceType=Task"))) {
        JsonNode properties = filter.get("properties");
        assertThat(properties.get("variables").findValuesAsText("name")).as(filter.get("name").asText())
            .startsWith("companyName");
        assertThat(properties.get("variables").get(0).get("label").asText()).isEqualTo("Company");
        assertThat(properties.get("showUndefinedVariable").asBoolean(true)).isFalse();
      }
    }
  }

  @Test
  void aFilterOfAnEarlierVersionGetsTheCardVariablesAndTheQueryAtTheNextStart() throws Exception {
    var filters = engine.getFilterService();
    var breached = filters.createFilterQuery().filterName("Breached SLAs").singleResult();
    String id = breached.getId();
    // as an earlier version left it: no card variables, the breach counts on any task of the lead
    breached.setProperties(new java.util.HashMap<>(Map.of("description", "Breached SLAs", "priority", 0, "refresh", true,
        "color", "#ff0000")));
    breached.setQuery(tasks.createTaskQuery().or().processVariableValueGreaterThanOrEquals("acceptBreaches", 1)
        .processVariableValueGreaterThanOrEquals("firstContactBreaches", 1).endOr().orderByDueDate().asc());
    filters.saveFilter(breached);

    bootstrap.bootstrap();
    var updated = filters.getFilter(id);
    assertThat(filters.createFilterQuery().filterName("Breached SLAs").count()).isEqualTo(1);
    assertThat(updated.getProperties()).containsEntry("color", "#ff0000").containsEntry("showUndefinedVariable", false)
        .containsKey("variables");
    assertThat(JSON.writeValueAsString(updated.getProperties().get("variables"))).contains("\"companyName\"");
    assertThat(((org.camunda.bpm.engine.impl.persistence.entity.FilterEntity) updated).getQueryInternal())
        .contains("Task_LogFirstContact");
    int revision = ((org.camunda.bpm.engine.impl.persistence.entity.FilterEntity) updated).getRevision();
    bootstrap.bootstrap();
    assertThat(((org.camunda.bpm.engine.impl.persistence.entity.FilterEntity) filters.getFilter(id)).getRevision())
        .as("an unchanged filter is not saved again").isEqualTo(revision);
  }

  // 4. and 5. Breached SLAs //////////////////////////////////////////////////////////////////////////////////////

  @Test
  void breachedSlasListsEveryTaskWithAnOpenBreachAsTheCockpitPluginDoesForManagersAndTheTeamsOwnForReps() throws Exception {
    Lead rerouted = hotLeadAt10(), escalated = hotLeadAt10(), contactMissed = hotLeadAt10(), acceptedAfterBreach = hotLeadAt10();
    complete(contactMissed, "Task_AcceptLead", Map.of("decision", "accept"));
    travelTo("2026-12-01T11:01", rerouted);            // first accept breach: the next rep's accept task
    travelTo("2026-12-01T11:01", escalated);
    travelTo("2026-12-01T12:02", escalated);           // second accept breach: the managers' escalation
    travelTo("2026-12-01T11:01", acceptedAfterBreach);
    complete(acceptedAfterBreach, "Task_AcceptLead", Map.of("decision", "accept")); // its breach is closed
    travelTo("2026-12-01T14:01", contactMissed);       // first-contact breach: the next rep's first-contact task
    assertThat(openTask(rerouted).getTaskDefinitionKey()).isEqualTo("Task_AcceptLead");
    assertThat(openTask(escalated).getTaskDefinitionKey()).isEqualTo("Task_EscalateToManager");
    assertThat(openTask(contactMissed).getTaskDefinitionKey()).isEqualTo("Task_LogFirstContact");
    assertThat(openTask(acceptedAfterBreach).getTaskDefinitionKey()).isEqualTo("Task_LogFirstContact");
    Lead[] mine = {rerouted, escalated, contactMissed, acceptedAfterBreach};

    // what the Cockpit plugin shows (its script reads this report), for these leads
    JsonNode report = new ApiClient(port).get("/api/reports/open-breaches", MANAGER, TestUsers.PASSWORD).json();
    Set<String> myLeads = Set.of(rerouted.id().toString(), escalated.id().toString(), contactMissed.id().toString(),
        acceptedAfterBreach.id().toString());
    Set<String> pluginInstances = StreamSupport.stream(report.get("rows").spliterator(), false)
        .filter(row -> myLeads.contains(row.get("leadId").asText())).map(row -> row.get("processInstanceId").asText())
        .collect(Collectors.toSet());
    assertThat(pluginInstances).hasSize(3);

    JsonNode managers = new Tasklist(MANAGER).filterList("Breached SLAs", mine);
    assertThat(managers.get("count").asLong()).isEqualTo(3);
    assertThat(ids(managers)).containsExactlyInAnyOrder(openTask(rerouted).getId(), openTask(escalated).getId(),
        openTask(contactMissed).getId());
    assertThat(managers.path("_embedded").path("task").findValuesAsText("processInstanceId"))
        .containsExactlyInAnyOrderElementsOf(pluginInstances);

    JsonNode emea = new Tasklist(EMEA_REP).filterList("Breached SLAs", mine);
    assertThat(ids(emea)).as("the team's own tasks, not the managers' escalation")
        .containsExactlyInAnyOrder(openTask(rerouted).getId(), openTask(contactMissed).getId());
    JsonNode americas = new Tasklist(AMERICAS_REP).filterList("Breached SLAs", mine);
    assertThat(americas.get("count").asLong()).isZero();
  }

  @Test
  void managersSeeTheRepsOpenTasksButRepsNeverAnotherTeams() throws Exception {
    Lead lead = hotLeadAt10();
    String task = openTask(lead).getId();
    Tasklist manager = new Tasklist(MANAGER);
    assertThat(manager.ok(manager.call("GET", "/task?processInstanceBusinessKey=" + lead.id())).findValuesAsText("id"))
        .containsExactly(task);
    assertThat(manager.call("GET", "/task/" + task).statusCode()).isEqualTo(200);
    Tasklist americas = new Tasklist(AMERICAS_REP);
    assertThat(americas.ok(americas.call("GET", "/task?processInstanceBusinessKey=" + lead.id())).size()).isZero();
    assertThat(americas.call("GET", "/process-instance/" + openTask(lead).getProcessInstanceId() + "/variables").statusCode())
        .as("nor the lead's variables").isIn(403, 404);
    Tasklist marketing = new Tasklist(MARKETING);
    assertThat(marketing.ok(marketing.call("GET", "/task?processInstanceBusinessKey=" + lead.id())).size()).isZero();
  }
}
