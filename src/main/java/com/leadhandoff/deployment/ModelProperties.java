package com.leadhandoff.deployment;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the models are read from: resource locations (classpath*: or file:) of folders. */
@ConfigurationProperties("lead-handoff.models")
public record ModelProperties(List<String> locations) {}
