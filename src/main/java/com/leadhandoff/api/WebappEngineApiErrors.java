package com.leadhandoff.api;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The webapps' own engine API ({@code /camunda/api/engine}, what Tasklist submits forms to) answers refused input as
 * the REST API does ({@link EngineRestErrors}): 400 with the rule in plain words, not 500 with the engine's wrapper.
 * The Camunda starter registers that servlet with a fixed JAX-RS application; Jersey adds the mappers named in the
 * servlet's {@code jersey.config.server.provider.classnames} init parameter, set here after the starter registered it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class WebappEngineApiErrors implements ServletContextInitializer {

  /** The name CamundaBpmWebappInitializer gives the servlet. */
  static final String SERVLET = "Engine Api";

  @Override
  public void onStartup(ServletContext servletContext) {
    ServletRegistration engineApi = servletContext.getServletRegistration(SERVLET);
    if (engineApi == null) {
      return; // the webapps are switched off (a test without them): nothing to configure
    }
    engineApi.setInitParameter("jersey.config.server.provider.classnames", String.join(",",
        EngineRestErrors.RefusedInputInRestException.class.getName(), EngineRestErrors.RefusedInputInEngineException.class.getName()));
  }
}
