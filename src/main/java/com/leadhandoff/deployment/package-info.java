/**
 * Deploys the product's models: the BPMN processes and Camunda Forms in {@code processes/} and the DMN
 * decisions in {@code decisions/}. Each process is deployed together with the forms it references (so
 * {@code formRefBinding="deployment"} holds) and each decision file on its own; a file whose content is
 * unchanged since its last deployment from git creates no new version, and a restart never rolls back
 * a newer version that a process owner deployed from Camunda Modeler. Every deployment, these and Modeler's, passes
 * the model guard ({@link com.leadhandoff.modelguard}); a git model it refuses stops the start. The process keys
 * ({@link com.leadhandoff.deployment.Processes}) are named here once.
 */
package com.leadhandoff.deployment;
