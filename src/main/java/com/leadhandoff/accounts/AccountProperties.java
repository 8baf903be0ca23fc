package com.leadhandoff.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Name matching ({@code lead-handoff.accounts.*}): the Jaro-Winkler similarity of normalised names at which a lead's
 * company is taken for an account (0.92 unless set), and how many accounts sharing the name's prefix are scored at most.
 */
@ConfigurationProperties("lead-handoff.accounts")
public record AccountProperties(Double nameThreshold, Integer maxNameCandidates) {

  public AccountProperties {
    nameThreshold = nameThreshold == null ? 0.92 : nameThreshold;
    maxNameCandidates = maxNameCandidates == null ? 500 : maxNameCandidates;
  }
}
