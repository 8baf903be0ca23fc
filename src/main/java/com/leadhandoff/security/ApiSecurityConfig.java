package com.leadhandoff.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Authentication and group checks for the product's own API under /api. */
@Configuration
public class ApiSecurityConfig implements WebMvcConfigurer {

  private final ApiAuthenticationFilter filter;

  public ApiSecurityConfig(ProcessEngine engine, ObjectMapper json) {
    this.filter = new ApiAuthenticationFilter(engine.getIdentityService(), engine.getName(), json);
  }

  @Bean
  public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication() {
    FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("api-authentication");
    // the API, and what monitoring reads: metrics and the detailed health
    registration.addUrlPatterns("/api/*", "/actuator/prometheus", "/actuator/health/operations");
    return registration;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ApiAccessInterceptor(filter)).addPathPatterns("/api/**");
  }
}
