/**
 * Models are untrusted input: whoever may deploy a BPMN or DMN file could otherwise run code on the server
 * (JUEL reaches any Java class by reflection, scripts run whatever engine is on the classpath). Every deployment,
 * whatever its path (Camunda Modeler and the REST API, the git models at start-up, the what-if's candidate files),
 * passes the {@link com.leadhandoff.modelguard.ModelGuard}: no scripts, no connectors, delegates only of the
 * product, expressions only of the shapes the shipped models use (checked on JUEL's own parse tree), FEEL only in
 * decisions, and each decision the processes call within its {@link com.leadhandoff.modelguard.DecisionContracts
 * contract}. A refusal lists every violation with its element id; at run time a decision result outside its
 * contract fails the step (an incident in Cockpit, or an error to the caller), never a silent default path.
 */
package com.leadhandoff.modelguard;
