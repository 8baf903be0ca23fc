package com.leadhandoff.capture;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The lead sources and activity types the API accepts ({@code lead-handoff.capture.*}). */
@ConfigurationProperties("lead-handoff.capture")
public record CaptureProperties(List<String> sources, List<String> activityTypes) {

  public CaptureProperties {
    sources = sources == null ? List.of() : List.copyOf(sources);
    activityTypes = activityTypes == null ? List.of() : List.copyOf(activityTypes);
  }
}
