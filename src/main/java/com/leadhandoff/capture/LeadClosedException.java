package com.leadhandoff.capture;

import com.leadhandoff.lead.Lead;

/** The lead is closed (won, lost, disqualified or expired); send a new submission to start a new lead. */
public class LeadClosedException extends RuntimeException {

  public LeadClosedException(Lead lead) {
    super("Lead " + lead.id() + " is closed (" + lead.progress().status() + "); submit the contact again to start a new lead");
  }
}
