package com.leadhandoff.demo;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The demo profile creates users whose password everyone knows: it refuses to start on any database but the
 * embedded H2, unless {@code lead-handoff.demo.allow-any-database=true} says so on purpose. Checked before the
 * application context starts, so not a single table of that database is touched.
 */
public class DemoDatabaseGuard implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo");
    String url = environment.getProperty("spring.datasource.url", "");
    if (demo && !url.startsWith("jdbc:h2:") && !environment.getProperty("lead-handoff.demo.allow-any-database", Boolean.class, false)) {
      throw new IllegalStateException("The demo profile (users with the password 'demo') refuses to start on " + url.replaceAll("\\?.*", "")
          + ": it runs on the embedded H2 only. Remove the demo profile, or set LEAD_HANDOFF_DEMO_ALLOW_ANY_DATABASE=true "
          + "if this database is really a throw-away one.");
    }
  }
}
