package com.leadhandoff.reporting;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The reports page at /reports/ (static/reports/index.html); its script logs in with the app's login (SecurityConfig). */
@Configuration
class ReportsPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/reports", "/reports/");
    registry.addViewController("/reports/").setViewName("forward:/reports/index.html");
  }
}
