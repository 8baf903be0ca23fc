package com.leadhandoff.capture;

import com.leadhandoff.lead.Lead;

/** What a submission did: created a lead (201) or became engagement on an open one (200); replayed for a known key. */
public record CaptureResult(Lead lead, boolean created, boolean replayed) {

  public int status() {
    return created ? 201 : 200;
  }
}
