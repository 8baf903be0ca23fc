package com.leadhandoff.security;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The rule for a change of who works an open task, asked by {@link TaskWorkerAuthorizations} before Camunda grants the
 * new worker the task (handoff.Reassignments: only someone of the task's team, through the routing ledger). Each
 * method refuses with Camunda's AuthorizationException (403), and the change is not made.
 */
public interface TaskHandOver {

  void assigneeChanging(DelegateTask task, String from, String to);

  void ownerChanging(DelegateTask task, String to);

  /** Camunda has added the candidate user to the task's links already when it asks. */
  void candidateUserAdding(DelegateTask task, String userId);

  void candidateGroupsChanging(DelegateTask task);
}
