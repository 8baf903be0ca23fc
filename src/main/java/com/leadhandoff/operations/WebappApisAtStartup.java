package com.leadhandoff.operations;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletRegistration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatContextCustomizer;
import org.springframework.stereotype.Component;

/**
 * Starts Camunda's webapp APIs (Jersey applications) with the node instead of at their first request. Lazily, the
 * first Tasklist user of a fresh node waited for the Tasklist API to initialise while the page loaded its plugins;
 * on a busy node that took longer than the 7 seconds RequireJS allows a module, and the page stayed a spinner until
 * reloaded. The Camunda starter registers these servlets without load-on-startup; this runs after it (a container
 * initializer added after Spring Boot's own) and asks for it.
 */
@Component
class WebappApisAtStartup implements TomcatContextCustomizer {

  /** The servlet names Camunda's webapp starter registers (CamundaBpmWebappInitializer). */
  static final List<String> APIS = List.of("Cockpit Api", "Admin Api", "Tasklist Api", "Engine Api", "Welcome Api");
  private static final Logger LOG = LoggerFactory.getLogger(WebappApisAtStartup.class);

  @Override
  public void customize(org.apache.catalina.Context context) {
    ServletContainerInitializer atStartup = (classes, servletContext) -> {
      for (String name : APIS) {
        if (servletContext.getServletRegistration(name) instanceof ServletRegistration.Dynamic api) {
          api.setLoadOnStartup(1);
        } else {
          LOG.warn("No servlet {} to start with the node: its first request initialises it", name);
        }
      }
    };
    context.addServletContainerInitializer(atStartup, null);
  }
}
