package com.leadhandoff.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.leadhandoff.deployment.Processes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates, if missing, the product's groups (one per sales team, managers, marketing, process owners,
 * integrations, administrators), their Camunda authorizations and Tasklist filters, and the first
 * administrator from the environment; brings an existing product filter's query and card variables up to date.
 * Idempotent: every start checks and adds or changes only what is missing or different. What each task's own
 * workers may do comes with the task (TaskWorkerAuthorizations).
 */
@Component
public class IdentityBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  /** Shown on every task card of the product's filters (Tasklist's filter property {@code variables}). */
  public static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "companyName", "label", "Company"),
      Map.of("name", "email", "label", "Contact"),
      Map.of("name", "priority", "label", "Priority"));

  /** The tasks an SLA's breach stays open on, until the SLA's task is answered (SlaClock.met). */
  static final String[] ACCEPT_BREACH_TASKS = {"Task_AcceptLead", "Task_EscalateToManager"};
  static final String[] FIRST_CONTACT_BREACH_TASKS = {"Task_LogFirstContact", "Task_EscalateFirstContact"};

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final SalesTeamGroups teams;
  private final AdminProperties admin;
  private final Environment environment;

  public IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, SalesTeamGroups teams, AdminProperties admin, Environment environment) {
    this.environment = environment;
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.teams = teams;
    this.admin = admin;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(0)
  public void bootstrap() {
    group(Groups.ADMINS, "Administrators", "SYSTEM");
    group(Groups.SALES_MANAGERS, "Sales managers", "WORKFLOW");
    group(Groups.MARKETING, "Marketing", "WORKFLOW");
    group(Groups.PROCESS_OWNERS, "Process owners", "WORKFLOW");
    group(Groups.INTEGRATION, "Lead-capture integrations", "SYSTEM");
    group(Groups.OPERATORS, "Operators", "SYSTEM");
    teams.salesTeamGroups().forEach((id, name) -> group(id, name, "WORKFLOW"));

    for (Resources resource : Resources.values()) {
      grant(Groups.ADMINS, resource, "*", Permissions.ALL);
    }
    List<String> taskWorkers = new ArrayList<>(teams.salesTeamGroups().keySet());
    taskWorkers.add(Groups.SALES_MANAGERS);
    taskWorkers.add(Groups.MARKETING);
    for (String group : taskWorkers) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // the process's name on a task card and its diagram (process-definition/{id}/xml) in Tasklist
      for (String process : Processes.ALL) {
        grant(group, Resources.PROCESS_DEFINITION, process, Permissions.READ);
      }
    }
    // Managers watch every team's tasks (the Breached SLAs filter, a team's queue) with their forms, and hand them to
    // another rep of the team (Reassignments); reps see and work only their own team's, by the tasks' own
    // authorizations (candidate group, assignee; see TaskWorkerAuthorizations).
    for (String process : Processes.ALL) {
      grant(Groups.SALES_MANAGERS, Resources.PROCESS_DEFINITION, process, Permissions.READ_TASK,
          ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.TASK_ASSIGN);
    }
    for (String group : List.of(Groups.SALES_MANAGERS, Groups.PROCESS_OWNERS)) {
      grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      // the variables too (Cockpit's variables tab), which Camunda asks for apart (enforceSpecificVariablePermission)
      grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
      grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
      grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
      grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
      grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    }
    // Process owners deploy processes, decisions and forms from Camunda Modeler through the REST API.
    grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ);
    grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, "*", Permissions.ALL);
    grant(Groups.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.ALL);

    List<String> salesTeams = new ArrayList<>(teams.salesTeamGroups().keySet());
    List<String> sales = new ArrayList<>(salesTeams);
    sales.add(Groups.SALES_MANAGERS);
    filter("My open leads by due date", tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(), sales);
    filter("Team queue", tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()
        .orderByDueDate().asc(), sales);
    filter("Breached SLAs", openBreaches(), sales);
    // claimed reviews stay in the list (marketing has no filter of its own tasks)
    filter("Rejections to review", tasks.createTaskQuery().taskDefinitionKey("Task_ReviewRejection")
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks().orderByTaskCreateTime().asc(), List.of(Groups.MARKETING, Groups.SALES_MANAGERS));
    filter("Grey cases to decide", tasks.createTaskQuery().taskDefinitionKey("Task_JointReview")
        .orderByTaskCreateTime().asc(), List.of(Groups.MARKETING, Groups.SALES_MANAGERS));
    createAdministrator();
    requireAdministrator();
  }

  /**
   * Without any administrator, Camunda's webapps let the first visitor create one: a node never runs so. The demo
   * profile brings its own administrator.
   */
  private void requireAdministrator() {
    boolean demo = environment.matchesProfiles("demo");
    if (!demo && identity.createUserQuery().memberOfGroup(Groups.ADMINS).count() == 0) {
      throw new IllegalStateException("No administrator: set LEAD_HANDOFF_ADMIN_USER and LEAD_HANDOFF_ADMIN_PASSWORD for the "
          + "first start. Without one, Camunda's webapps would let the first visitor create an administrator.");
    }
  }

  private void createAdministrator() {
    if (!admin.configured()) {
      return;
    }
    if (admin.password() == null || admin.password().length() < AdminProperties.MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException("LEAD_HANDOFF_ADMIN_PASSWORD must have at least "
          + AdminProperties.MIN_PASSWORD_LENGTH + " characters");
    }
    if (identity.createUserQuery().userId(admin.user()).count() == 0) {
      User user = identity.newUser(admin.user());
      user.setFirstName("Lead Handoff");
      user.setLastName("Administrator");
      user.setPassword(admin.password());
      identity.saveUser(user);
      identity.createMembership(admin.user(), Groups.ADMINS);
      LOG.info("Created administrator {}", admin.user());
    }
  }

  private void group(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  /**
   * Tasks with an open SLA breach: an accept task or its escalation while the lead's accept SLA was breached, or a
   * first-contact task or its escalation while the first-contact SLA was breached. The breach counts are process
   * variables of the task's own process instance (the sales follow-up gets the lifecycle's with {@code in
   * variables="all"}, so a follow-up task of a lead that once missed its accept SLA carries acceptBreaches too: that
   * breach closed when the lead was accepted). A task query ANDs its or-groups, so (accept task AND acceptBreaches)
   * OR (first-contact task AND firstContactBreaches) is written as its four or-groups.
   */
  private TaskQuery openBreaches() {
    String[] breachTasks = concat(ACCEPT_BREACH_TASKS, FIRST_CONTACT_BREACH_TASKS);
    return tasks.createTaskQuery()
        .taskDefinitionKeyIn(breachTasks)
        .or().processVariableValueGreaterThanOrEquals("acceptBreaches", 1)
        .processVariableValueGreaterThanOrEquals("firstContactBreaches", 1).endOr()
        .or().taskDefinitionKeyIn(ACCEPT_BREACH_TASKS).processVariableValueGreaterThanOrEquals("firstContactBreaches", 1).endOr()
        .or().taskDefinitionKeyIn(FIRST_CONTACT_BREACH_TASKS).processVariableValueGreaterThanOrEquals("acceptBreaches", 1).endOr()
        .orderByDueDate().asc();
  }

  private static String[] concat(String[] first, String[] second) {
    String[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /**
   * Creates the filter, or brings an existing one up to the product's definition: its query and card variables
   * (a database started by an earlier version gets them at the next start). Description, priority, colour and
   * refresh set in Tasklist stay. Saved only when something changed.
   */
  private void filter(String name, TaskQuery query, List<String> readers) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name).setQuery(query)
          .setProperties(new HashMap<>(Map.of("description", name, "priority", 0, "refresh", true)));
    }
    Map<String, Object> properties = new HashMap<>(filter.getProperties() == null ? Map.of() : filter.getProperties());
    properties.put("variables", CARD_VARIABLES);
    properties.put("showUndefinedVariable", false);
    String wantedQuery = ((FilterEntity) filters.newTaskFilter(name).setQuery(query)).getQueryInternal();
    boolean changed = filter.getId() == null || !properties.equals(filter.getProperties())
        || !wantedQuery.equals(((FilterEntity) filter).getQueryInternal());
    if (changed) {
      filter.setQuery(query);
      filter.setProperties(properties);
      filters.saveFilter(filter);
    }
    for (String group : readers) {
      grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
