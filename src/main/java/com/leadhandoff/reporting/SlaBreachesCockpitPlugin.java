package com.leadhandoff.reporting;

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
}
