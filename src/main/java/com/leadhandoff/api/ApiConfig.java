package com.leadhandoff.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's body-size limit, Content-Types that name a media type, Tomcat's own error answers as problem details, and
 * the OpenAPI description (served at /v3/api-docs, shown at /swagger-ui.html).
 */
@Configuration
public class ApiConfig {

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit(ApiProperties properties, ObjectMapper json) {
    FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(properties, json));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(0); // before authentication: an oversized body is never read
    return registration;
  }

  @Bean
  FilterRegistrationBean<ConcreteContentType> concreteContentType(ObjectMapper json) {
    FilterRegistrationBean<ConcreteContentType> registration = new FilterRegistrationBean<>(new ConcreteContentType(json));
    registration.addUrlPatterns("/*");
    registration.setOrder(0);
    return registration;
  }

  /** Errors Tomcat answers itself, before any servlet (a path with %00, say), are problem details too. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory -> factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
        .setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
  }

  @Bean
  OpenAPI leadHandoffApi() {
    return new OpenAPI()
        .info(new Info().title("Lead Handoff API").version("1")
            .description("Push leads and engagement in (an integration key with the capture scope), read leads, run what-if "
                + "replays of decisions. HTTP Basic with a Camunda user, or an integration key as Authorization: Bearer; errors "
                + "are RFC 9457 problem details."))
        .components(new Components()
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
            .addSecuritySchemes("integrationKey", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("integrationKey"));
  }
}
