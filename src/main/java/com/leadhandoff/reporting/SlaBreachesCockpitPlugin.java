package com.leadhandoff.reporting;

import jakarta.ws.rs.Path;
import java.util.Set;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The "SLA breaches" plugin on the Cockpit dashboard: open breaches by team and rep, how late, linked to their
 * process instances. Its script ({@code plugin-webapp/sla-breaches/app/plugin.js}) reads
 * {@code /api/reports/open-breaches} with the manager's Cockpit login. Registered through
 * {@code META-INF/services}, as Cockpit finds its plugins.
 */
public class SlaBreachesCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "sla-breaches";

  @Override
  public String getId() {
    return ID;
  }

  /** Cockpit serves a plugin's script through the plugin's root resource; the plugin has no REST resources of its own. */
  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(RootResource.class);
  }

  @Path("plugin/" + ID)
  public static class RootResource extends AbstractCockpitPluginRootResource {
    public RootResource() {
      super(ID);
    }
  }
}
