package com.leadhandoff.capture;

import com.leadhandoff.deployment.Processes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.springframework.stereotype.Component;

/**
 * The product's processes are not started by hand: a lead's lifecycle starts when the lead-capture API has stored the
 * lead (its business key is the lead id, its variables the lead's facts), and the sales follow-up when the lifecycle
 * calls it. Started over the REST API or from Tasklist (start, submit-form, restart), either would run without a lead
 * and fail in its first step; so the request is refused with 400 saying how leads come in, before the engine is called.
 * Registered on both of Camunda's JAX-RS applications (api.EngineRestErrors, api.WebappEngineApiErrors); stateless,
 * as Jersey makes its own from the class name.
 */
@Component
public class StartedByCaptureOnly implements ContainerRequestFilter {

  /** /engine-rest/process-definition/{id}/start, .../key/{key}[/tenant-id/{tenant}]/submit-form, /engine/{name}/... */
  static final Pattern START = Pattern.compile(
      "/?(?:engine/([^/]+)/)?process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(start|submit-form|restart|restart-async)/?");

  static final String REFUSAL = "Leads are started through POST /api/leads, which stores the lead and starts its lead lifecycle; "
      + "the sales follow-up starts when a rep accepts the lead. Neither process is started by hand; nothing was started.";

  @Override
  public void filter(ContainerRequestContext request) {
    Matcher start = START.matcher(request.getUriInfo().getPath());
    if (!"POST".equals(request.getMethod()) || !start.matches()) {
      return;
    }
    String key = start.group(2) != null ? start.group(2) : keyOf(EngineUtil.lookupProcessEngine(start.group(1)), start.group(3));
    if (Processes.ALL.contains(key)) {
      request.abortWith(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "InvalidRequestException", "message", REFUSAL)).build());
    }
  }

  /** The key of a process definition the caller may see, or null (Camunda then answers as it would). */
  private static String keyOf(ProcessEngine engine, String definitionId) {
    if (engine == null) {
      return null;
    }
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
    return definition == null ? null : definition.getKey();
  }
}
