package com.leadhandoff.api;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.stream.Stream;
import jakarta.servlet.ServletRegistration;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The webapps' own engine API ({@code /camunda/api/engine}, what Tasklist submits forms to) answers refused input as
 * the REST API does ({@link EngineRestErrors}): 400 with the rule in plain words, not 500 with the engine's wrapper; and
 * refuses what the REST API refuses before the engine is called (object variables, more than a task form's fields: the
 * same request filters, which Jersey makes anew from their class names).
 * The Camunda starter's initializer registers that servlet with a fixed JAX-RS application; Jersey also adds the
 * mappers named in the servlet's {@code jersey.config.server.provider.classnames} init parameter, which is set here
 * right after the starter's initializer ran (its order ties with any other initializer's, so it is wrapped).
 */
@Component
public class WebappEngineApiErrors implements BeanPostProcessor {

  /** The name CamundaBpmWebappInitializer gives the servlet. */
  static final String SERVLET = "Engine Api";

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof CamundaBpmWebappInitializer camunda) {
      return (ServletContextInitializer) context -> {
        camunda.onStartup(context);
        mapRefusedInput(context);
      };
    }
    return bean;
  }

  private final ObjectProvider<ContainerRequestFilter> filters;

  public WebappEngineApiErrors(ObjectProvider<ContainerRequestFilter> filters) {
    this.filters = filters;
  }

  private void mapRefusedInput(ServletContext context) {
    ServletRegistration engineApi = context.getServletRegistration(SERVLET);
    if (engineApi == null) {
      throw new IllegalStateException("The webapps registered no servlet '" + SERVLET + "': Tasklist's refused answers would be 500s");
    }
    engineApi.setInitParameter("jersey.config.server.provider.classnames", String.join(",",
        Stream.concat(Stream.of(EngineRestErrors.RefusedInputInRestException.class, EngineRestErrors.RefusedInputInEngineException.class),
            filters.orderedStream().map(ClassUtils::getUserClass)).map(Class::getName).toList()));
  }
}
