package com.leadhandoff.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
 * What a task's candidate group and assignee may do, so that Tasklist works for them without any grant on a whole
 * process definition (which would open every team's leads to every rep), and no more:
 * <ul>
 *   <li><b>work the task, not rewrite the lead</b> ({@code enforceSpecificVariablePermission}): READ, TASK_WORK (claim,
 *   complete), TASK_ASSIGN (hand it to someone else, see {@link TaskHandOver}) and READ_VARIABLE on the task, instead of
 *   Camunda's default UPDATE, which also lets them set any variable ({@code team}, {@code acceptBreaches}, the
 *   contact's {@code email}) through the REST API. What a completion may send is the task form's fields
 *   ({@code feedback.FormFieldsOnly}).</li>
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
  /** Set once the open tasks' grants of an earlier version (UPDATE) were narrowed to what new tasks get. */
  static final String NARROWED = "lead-handoff.task-worker-permissions";
  /** What whoever may work a task gets on it. */
  static final Permission[] TASK_WORKER = {Permissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN,
      TaskPermissions.READ_VARIABLE};
  private static final int PAGE = 500;

  private final ObjectProvider<ProcessEngine> engine;
  private final ObjectProvider<TaskHandOver> handOver;

  public TaskWorkerAuthorizations(ObjectProvider<ProcessEngine> engine, ObjectProvider<TaskHandOver> handOver) {
    this.engine = engine;
    this.handOver = handOver;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableHistoricInstancePermissions(true);
    configuration.setEnforceSpecificVariablePermission(true);
    // a BPMN error thrown on a task (TASK_WORK) that no boundary event catches fails instead of ending the lead
    configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
    configuration.setResourceAuthorizationProvider(new Provider(handOver));
  }

  /**
   * Tasks opened before these grants existed (a database started by an earlier version) get them once, from their
   * TASK grants: READ on the historic task and on the process instance for the same group or user.
   */
  @EventListener(ApplicationStartedEvent.class)
  @Order(1)
  public void grantOpenTasksOnce() {
    int granted = forEachOpenTaskGrantOnce(BACKFILLED, (task, taskGrant, root) -> {
      AuthorizationService authorizations = engine.getObject().getAuthorizationService();
      return grant(authorizations, taskGrant, Resources.HISTORIC_TASK, task.getId(), HistoricTaskPermissions.READ, root)
          + grant(authorizations, taskGrant, PROCESS_INSTANCE, task.getProcessInstanceId(), READ, null);
    });
    LOG.info("Open tasks got the grants new tasks get: {} authorizations created or extended", granted);
  }

  /**
   * Tasks opened by an earlier version gave their workers UPDATE, which also sets any variable: once, each such grant
   * becomes what new tasks give (READ, TASK_WORK, TASK_ASSIGN, READ_VARIABLE), and their historic task READ_VARIABLE; the
   * task gets the card's variables as new tasks do (TaskFacts), since its workers no longer read the process instance's.
   */
  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  public void narrowOpenTasksOnce() {
    int narrowed = forEachOpenTaskGrantOnce(NARROWED, (task, taskGrant, root) -> {
      AuthorizationService authorizations = engine.getObject().getAuthorizationService();
      TaskService tasks = engine.getObject().getTaskService();
      for (Map<String, String> card : IdentityBootstrap.CARD_VARIABLES) {
        Object value = tasks.getVariable(task.getId(), card.get("name"));
        if (value != null && tasks.getVariableLocal(task.getId(), card.get("name")) == null) {
          tasks.setVariableLocal(task.getId(), card.get("name"), value);
        }
      }
      int changed = grant(authorizations, taskGrant, Resources.HISTORIC_TASK, task.getId(), HistoricTaskPermissions.READ_VARIABLE, root);
      if (taskGrant.isPermissionGranted(Permissions.UPDATE) || !taskGrant.isPermissionGranted(TaskPermissions.READ_VARIABLE)) {
        taskGrant.removePermission(Permissions.UPDATE);
        for (Permission permission : TASK_WORKER) {
          taskGrant.addPermission(permission);
        }
        authorizations.saveAuthorization(taskGrant);
        changed++;
      }
      return changed;
    });
    LOG.info("Open tasks' workers may work them, not set their variables: {} authorizations narrowed", narrowed);
  }

  /** Something done once per database to every TASK grant of a group or user on an open task of a process. */
  private interface TaskGrantChange {
    int apply(Task task, Authorization taskGrant, String rootProcessInstanceId);
  }

  private int forEachOpenTaskGrantOnce(String doneProperty, TaskGrantChange change) {
    ProcessEngine processEngine = engine.getObject();
    ManagementService management = processEngine.getManagementService();
    if (management.getProperties().containsKey(doneProperty)) {
      return 0;
    }
    AuthorizationService authorizations = processEngine.getAuthorizationService();
    HistoryService history = processEngine.getHistoryService();
    int changed = 0;
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
          changed += change.apply(task, taskGrant, root);
        }
      }
    }
    management.setProperty(doneProperty, "1");
    return changed;
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

  /**
   * Camunda's default provider, except that a task's workers get {@link #TASK_WORKER} on it rather than UPDATE, plus READ
   * on the task's process instance; and a change of who works an existing task, made by a person, must pass
   * {@link TaskHandOver}.
   */
  static class Provider extends DefaultAuthorizationProvider {

    private final ObjectProvider<TaskHandOver> handOver;

    Provider(ObjectProvider<TaskHandOver> handOver) {
      this.handOver = handOver;
    }

    @Override
    protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
      return TASK_WORKER.clone();
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
      handOver.getObject().assigneeChanging((DelegateTask) task, oldAssignee, newAssignee);
      return super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
      handOver.getObject().ownerChanging((DelegateTask) task, newOwner);
      return super.newTaskOwner(task, oldOwner, newOwner);
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
      handOver.getObject().candidateUserAdding((DelegateTask) task, userId);
      return super.newTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      handOver.getObject().candidateGroupsChanging((DelegateTask) task);
      return super.newTaskGroupIdentityLink(task, groupId, type);
    }

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
      handOver.getObject().candidateGroupsChanging((DelegateTask) task);
      return super.deleteTaskGroupIdentityLink(task, groupId, type);
    }

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
