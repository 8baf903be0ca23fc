package com.leadhandoff.deployment;

import java.util.List;
import org.camunda.bpm.engine.repository.Deployment;

/** Published once the models from git are deployed: listeners that need the processes wait for it. */
public record ModelsDeployedEvent(List<Deployment> created) {}
