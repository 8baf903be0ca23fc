package com.leadhandoff.api;

import java.util.List;

/** A request that passed the syntactic checks but breaks a rule only the service can check. */
public class InvalidRequestException extends RuntimeException {

  private final transient List<ApiProblems.FieldError> errors;

  public InvalidRequestException(List<ApiProblems.FieldError> errors) {
    super(errors.toString());
    this.errors = List.copyOf(errors);
  }

  public List<ApiProblems.FieldError> errors() {
    return errors;
  }
}
