package com.leadhandoff.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's body-size limit and its OpenAPI description (served at /v3/api-docs, shown at /swagger-ui.html). */
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
