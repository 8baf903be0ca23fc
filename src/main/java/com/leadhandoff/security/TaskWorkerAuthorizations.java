package com.leadhandoff.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a task's candidate group and assignee may do besides working the task, so that Tasklist works for them
 * without any grant on a whole process definition (which would open every team's leads to every rep):
 * <ul>
 *   <li><b>the task's history</b> ({@code enableHistoricInstancePermissions}): Camunda then gives them READ on the
 *   {@code HISTORIC_TASK} as it gives them the task. Tasklist's comments (add and list) and History tab go through
 *   the historic task query ({@code task/{id}/comment} answers "No task found for task id" without it), which
 *   otherwise needs READ_HISTORY on the process definition: every task of every team.</li>
 *   <li><b>the task's process instance</b>, READ: the variables Tasklist shows on a task card (a filter's
 *   {@code variables}, e.g. the company) are the process instance's, which the variable query shows only with READ
 *   on the instance (or READ_INSTANCE on the definition, again every team's). Camunda deletes the grant when the
 *   instance ends.</li>
 * </ul>
 */
@Component
public class TaskWorkerAuthorizations extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskWorkerAuthorizations.class);
  /** Set once the open tasks of a database started by an earlier version got the grants new tasks get. */
  static final String BACKFILLED = "lead-handoff.task-worker-authorizations";
  private static final int PAGE = 500;

  private final ObjectProvider<ProcessEngine> engine;

  public TaskWorkerAuthorizations(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableHistoricInstancePermissions(true);
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  /**
   * Tasks opened before these grants existed (a database started by an earlier version) get them once, from their
   * TASK grants: READ on the historic task and on the process instance for the same group or user.
   */
  @EventListener(ApplicationStartedEvent.class)
  @Order(1)
  public void grantOpenTasksOnce() {
    ProcessEngine processEngine = engine.getObject();
    ManagementService management = processEngine.getManagementService();
    if (management.getProperties().containsKey(BACKFILLED)) {
      return;
    }
    AuthorizationService authorizations = processEngine.getAuthorizationService();
    HistoryService history = processEngine.getHistoryService();
    int granted = 0;
    List<Task> open;
    for (int first = 0; !(open = processEngine.getTaskService().createTaskQuery().orderByTaskId().asc().listPage(first, PAGE)).isEmpty();
        first += PAGE) {
      for (Task task : open) {
        if (task.getProcessInstanceId() == null) {
          continue;
        }
        HistoricTaskInstance historic = history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
        String root = historic == null ? null : historic.getRootProcessInstanceId();
        for (Authorization taskGrant : authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
            .resourceType(Resources.TASK).resourceId(task.getId()).list()) {
          if (taskGrant.getGroupId() == null && taskGrant.getUserId() == null || "*".equals(taskGrant.getUserId())) {
            continue;
          }
          granted += grant(authorizations, taskGrant, Resources.HISTORIC_TASK, task.getId(), HistoricTaskPermissions.READ, root);
          granted += grant(authorizations, taskGrant, PROCESS_INSTANCE, task.getProcessInstanceId(), READ, null);
        }
      }
    }
    management.setProperty(BACKFILLED, "1");
    LOG.info("Open tasks got the grants new tasks get: {} authorizations created or extended", granted);
  }

  private static int grant(AuthorizationService authorizations, Authorization like, Resources resource, String resourceId,
      Permission permission, String rootProcessInstanceId) {
    var query = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .resourceType(resource).resourceId(resourceId);
    Authorization existing = (like.getGroupId() != null ? query.groupIdIn(like.getGroupId()) : query.userIdIn(like.getUserId()))
        .singleResult();
    if (existing != null && existing.isPermissionGranted(permission)) {
      return 0;
    }
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(like.getGroupId());
    authorization.setUserId(like.getUserId());
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    if (existing == null && rootProcessInstanceId != null) {
      // removed by the history cleanup with the lead's history, as Camunda's own historic task grants are
      ((AuthorizationEntity) authorization).setRootProcessInstanceId(rootProcessInstanceId);
    }
    authorizations.saveAuthorization(authorization);
    return 1;
  }

  /** Camunda's default provider, plus READ on the task's process instance for whoever may work the task. */
  static class Provider extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String groupId, String userId) {
      AuthorizationEntity[] taskAuthorizations = super.createOrUpdateAuthorizations(task, groupId, userId);
      String processInstanceId = task.getProcessInstanceId();
      if (processInstanceId == null) {
        return taskAuthorizations;
      }
      AuthorizationEntity instance = getGrantAuthorization(processInstanceId, userId, groupId, PROCESS_INSTANCE);
      if (instance == null) {
        instance = createAuthorization(userId, groupId, PROCESS_INSTANCE, processInstanceId, READ);
      } else if (instance.isPermissionGranted(READ)) {
        return taskAuthorizations;
      } else {
        addPermissions(instance, READ);
      }
      AuthorizationEntity[] all = Arrays.copyOf(taskAuthorizations, taskAuthorizations.length + 1);
      all[taskAuthorizations.length] = instance;
      return all;
    }
  }
}
