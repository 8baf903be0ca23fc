/**
 * Operations owns what an operator watches: Prometheus metrics (stages reached, e.g. leads captured and SLA
 * breaches; open tasks per team; open breaches; the job executor's backlog) and the job-backlog health
 * indicator, how a job that lost an optimistic-locking race to another node is retried (at once), and the indexes
 * it adds to the engine's tables for the statements that otherwise read a whole table per task or job, and the
 * application's one clock (EngineClock: the engine's, so that tests that move the engine's time move the app's). It
 * also owns how a node runs: the background worker every node runs once ready (PollingWorker, for the outbox and the
 * CSV imports), the Camunda APIs started with the node (WebappApisAtStartup) and the history level that keeps where
 * leads waited, not the automatic steps between (WaitsHistoryLevel). The job executor's cluster settings
 * live in {@code application.yaml}; the README explains them.
 */
package com.leadhandoff.operations;
