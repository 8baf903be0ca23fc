package com.leadhandoff.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The demo profile's settings: the one password all demo users share, and how many demo leads to create. */
@ConfigurationProperties("lead-handoff.demo")
public record DemoProperties(String password, int leads) {}
