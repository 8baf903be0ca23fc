package com.leadhandoff.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo profile's settings: the one password all demo users share, how many demo leads to create, and the demo web
 * form's integration key.
 */
@ConfigurationProperties("lead-handoff.demo")
public record DemoProperties(String password, int leads, String webformKey) {}
