package com.alphintra.infra.doctor;

/** The outcome of one prerequisite check. Only {@link #OK} lets the target proceed. */
public enum Status {
  OK("ok"),
  MISSING("missing"),
  TOO_OLD("too old"),
  UNAVAILABLE("unavailable"),
  TIMED_OUT("timed out");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
