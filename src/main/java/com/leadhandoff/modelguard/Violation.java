package com.leadhandoff.modelguard;

/** One thing a model may not contain: in which file, at which element (the nearest one with an id), and why. */
public record Violation(String resource, String elementId, String message) {

  @Override
  public String toString() {
    return (elementId == null ? "" : elementId + ": ") + message;
  }
}
