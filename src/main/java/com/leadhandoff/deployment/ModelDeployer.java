package com.leadhandoff.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models from git at start-up.
 *
 * <p>Rule for versions deployed from Camunda Modeler: a git file is deployed only when its content
 * differs from the last version deployed <em>from git</em> (deployment source {@value #SOURCE}). A restart
 * therefore never replaces a newer Modeler version with the unchanged git file. When the git file itself
 * changes, it becomes the newest version, and a warning names the Modeler deployment it supersedes.
 */
@Component
public class ModelDeployer {

  /** The deployment source of everything deployed from git; Camunda Modeler deploys with its own. */
  public static final String SOURCE = "lead-handoff-git";

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repositoryService;
  private final ModelProperties properties;
  private final ApplicationEventPublisher events;
  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
  private final ObjectMapper json = new ObjectMapper();

  public ModelDeployer(RepositoryService repositoryService, ModelProperties properties, ApplicationEventPublisher events) {
    this.repositoryService = repositoryService;
    this.properties = properties;
    this.events = events;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void deployOnStartup() {
    List<Deployment> created = deploy(properties.locations());
    LOG.info("Models from git: {} new deployment(s)", created.size());
    events.publishEvent(new ModelsDeployedEvent(created));
  }

  /** Deploys every changed model below the given folder locations; returns the deployments it created. */
  public List<Deployment> deploy(List<String> locations) {
    Map<String, byte[]> formsById = new HashMap<>();
    List<Resource> processes = new ArrayList<>();
    List<Resource> decisions = new ArrayList<>();
    for (String location : locations) {
      String folder = location.endsWith("/") ? location : location + "/";
      for (Resource form : find(folder + "**/*.form")) {
        if (formsById.put(formId(form), read(form)) != null) {
          throw new IllegalStateException("Two forms have the id " + formId(form) + "; form ids must be unique");
        }
      }
      processes.addAll(find(folder + "**/*.bpmn"));
      decisions.addAll(find(folder + "**/*.dmn"));
    }
    List<Deployment> created = new ArrayList<>();
    for (Resource process : processes) {
      deployIfChanged(process, formsReferencedBy(process, formsById)).ifPresent(created::add);
    }
    for (Resource decision : decisions) {
      deployIfChanged(decision, Map.of()).ifPresent(created::add);
    }
    return created;
  }

  /** One deployment per model file, named after it, with the forms it needs (for formRefBinding="deployment"). */
  private Optional<Deployment> deployIfChanged(Resource model, Map<String, byte[]> forms) {
    String name = model.getFilename();
    long deploymentsBefore = deploymentsNamed(name);
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(name)
        .source(SOURCE)
        // compares with the latest deployment of the same name and source; when nothing changed, no deployment is made
        .enableDuplicateFiltering(false)
        .addInputStream(name, new ByteArrayInputStream(read(model)));
    forms.forEach((file, content) -> builder.addInputStream(file, new ByteArrayInputStream(content)));
    Deployment deployment = builder.deploy();
    if (deploymentsNamed(name) == deploymentsBefore) {
      return Optional.empty();
    }
    warnIfSupersedingModeler(deployment);
    LOG.info("Deployed {} with {} form(s) as deployment {}", name, forms.size(), deployment.getId());
    return Optional.of(deployment);
  }

  private long deploymentsNamed(String name) {
    return repositoryService.createDeploymentQuery().deploymentName(name).count();
  }

  private void warnIfSupersedingModeler(Deployment fromGit) {
    repositoryService.createDeploymentQuery()
        .deploymentBefore(fromGit.getDeploymentTime())
        .orderByDeploymentTime().desc()
        .list().stream()
        .takeWhile(d -> !SOURCE.equals(d.getSource()))
        .filter(d -> repositoryService.getDeploymentResourceNames(d.getId()).contains(fromGit.getName()))
        .findFirst()
        .ifPresent(d -> LOG.warn("{} changed in git and supersedes the version deployed from {} as '{}' on {}; "
            + "copy Modeler changes into git to keep them", fromGit.getName(), d.getSource(), d.getName(), d.getDeploymentTime()));
  }

  /** The forms a process's user tasks reference by camunda:formRef, keyed by file name. */
  private Map<String, byte[]> formsReferencedBy(Resource process, Map<String, byte[]> formsById) {
    Set<String> formIds = new LinkedHashSet<>();
    Bpmn.readModelFromStream(new ByteArrayInputStream(read(process)))
        .getModelElementsByType(UserTask.class).stream()
        .map(UserTask::getCamundaFormRef)
        .filter(ref -> ref != null)
        .forEach(formIds::add);
    Map<String, byte[]> forms = new HashMap<>();
    for (String id : formIds) {
      byte[] form = formsById.get(id);
      if (form == null) {
        throw new IllegalStateException(process.getFilename() + " references form '" + id + "', which no .form file defines");
      }
      forms.put(id + ".form", form);
    }
    return forms;
  }

  private String formId(Resource form) {
    try {
      String id = json.readTree(read(form)).path("id").asText("");
      if (id.isBlank()) {
        throw new IllegalStateException("Form " + form.getFilename() + " has no id");
      }
      return id;
    } catch (IOException e) {
      throw new IllegalStateException("Form " + form.getFilename() + " is not valid JSON", e);
    }
  }

  private List<Resource> find(String pattern) {
    try {
      return List.of(resolver.getResources(pattern));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list models at " + pattern, e);
    }
  }

  private static byte[] read(Resource resource) {
    try (var in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read model " + resource.getDescription(), e);
    }
  }
}
