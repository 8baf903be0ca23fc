package com.leadhandoff.lead;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No lead has this id: 404 with a problem detail wherever the API meets it. */
public class LeadNotFoundException extends ErrorResponseException {

  public LeadNotFoundException(UUID id) {
    super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No lead " + id), null);
  }
}
