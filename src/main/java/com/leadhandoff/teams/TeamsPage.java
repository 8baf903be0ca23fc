package com.leadhandoff.teams;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The team page at /teams/ (static/teams/index.html): managers run their team through /api/teams with their Camunda login. */
@Configuration
class TeamsPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/teams", "/teams/");
    registry.addViewController("/teams/").setViewName("forward:/teams/index.html");
  }
}
