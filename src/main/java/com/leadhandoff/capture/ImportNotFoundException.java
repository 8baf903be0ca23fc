package com.leadhandoff.capture;

import java.util.UUID;

/** No import has this id. */
public class ImportNotFoundException extends RuntimeException {

  public ImportNotFoundException(UUID id) {
    super("No import " + id);
  }
}
