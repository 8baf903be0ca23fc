package com.leadhandoff.capture;

import java.util.UUID;

/** No lead has this id. */
public class LeadNotFoundException extends RuntimeException {

  public LeadNotFoundException(UUID id) {
    super("No lead " + id);
  }
}
