package com.leadhandoff.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadhandoff.LeadHandoffApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Demo users with a known password never reach a production database by mistake. */
class DemoDatabaseGuardTest {

  private static StandardEnvironment environment(String profile, Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.setActiveProfiles(profile);
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }

  @Test
  void theDemoProfileDoesNotStartOnPostgresql() {
    // the application itself, started as an operator would by mistake: it stops before touching the database
    assertThatThrownBy(() -> new SpringApplicationBuilder(LeadHandoffApplication.class).profiles("demo")
        .run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/lead_handoff?ssl=true"))
        .hasMessageContaining("refuses to start on jdbc:postgresql://127.0.0.1:5432/lead_handoff")
        .hasMessageNotContaining("ssl=true")
        .hasMessageContaining("LEAD_HANDOFF_DEMO_ALLOW_ANY_DATABASE");
  }

  @Test
  void theDemoProfileRunsOnH2OrWhereExplicitlyAllowed() {
    DemoDatabaseGuard guard = new DemoDatabaseGuard();
    SpringApplication app = new SpringApplication();
    assertThatCode(() -> guard.postProcessEnvironment(environment("demo", Map.of("spring.datasource.url", "jdbc:h2:mem:x")), app))
        .doesNotThrowAnyException();
    assertThatCode(() -> guard.postProcessEnvironment(environment("demo", Map.of("spring.datasource.url", "jdbc:postgresql://db/x",
        "lead-handoff.demo.allow-any-database", "true")), app)).doesNotThrowAnyException();
    assertThatCode(() -> guard.postProcessEnvironment(environment("postgres", Map.of("spring.datasource.url", "jdbc:postgresql://db/x")),
        app)).as("without the demo profile").doesNotThrowAnyException();
  }
}
