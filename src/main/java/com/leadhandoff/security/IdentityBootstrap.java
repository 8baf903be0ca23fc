package com.leadhandoff.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.handoff.SalesTeams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
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
 * administrator from the environment. Idempotent: every start checks and adds only what is missing.
 */
@Component
public class IdentityBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final SalesTeams teams;
  private final AdminProperties admin;
  private final Environment environment;

  public IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, SalesTeams teams, AdminProperties admin, Environment environment) {
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
    teams.teams().forEach((id, team) -> group(id, team.name(), "WORKFLOW"));

    for (Resources resource : Resources.values()) {
      grant(Groups.ADMINS, resource, "*", Permissions.ALL);
    }
    List<String> taskWorkers = new ArrayList<>(teams.teams().keySet());
    taskWorkers.add(Groups.SALES_MANAGERS);
    taskWorkers.add(Groups.MARKETING);
    for (String group : taskWorkers) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, LeadCaptureService.PROCESS_KEY, Permissions.READ);
    }
    for (String group : List.of(Groups.SALES_MANAGERS, Groups.PROCESS_OWNERS)) {
      grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
      grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
      grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
      grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
      grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    }
    // Process owners deploy processes, decisions and forms from Camunda Modeler through the REST API.
    grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ);
    grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, "*", Permissions.ALL);
    grant(Groups.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.ALL);

    List<String> salesTeams = new ArrayList<>(teams.teams().keySet());
    List<String> sales = new ArrayList<>(salesTeams);
    sales.add(Groups.SALES_MANAGERS);
    filter("My open leads by due date", tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(), sales);
    filter("Team queue", tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()
        .orderByDueDate().asc(), sales);
    filter("Breached SLAs", tasks.createTaskQuery().or()
        .processVariableValueGreaterThanOrEquals("acceptBreaches", 1)
        .processVariableValueGreaterThanOrEquals("firstContactBreaches", 1)
        .endOr().orderByDueDate().asc(), sales);
    filter("Rejections to review", tasks.createTaskQuery().taskDefinitionKey("Task_ReviewRejection")
        .taskCandidateGroupInExpression("${currentUserGroups()}").orderByTaskCreateTime().asc(), List.of(Groups.MARKETING, Groups.SALES_MANAGERS));
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

  private void filter(String name, TaskQuery query, List<String> readers) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name).setQuery(query)
          .setProperties(Map.of("description", name, "priority", 0, "refresh", true));
      filters.saveFilter(filter);
    }
    for (String group : readers) {
      grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
