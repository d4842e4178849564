package com.alphintra.infra.local;

/** What became of a step in one run. */
public enum StepOutcome {
  ALREADY_DONE("already done"),
  APPLIED("applied"),
  FAILED("failed"),
  UNDONE("undone"),
  SKIPPED("skipped");

  private final String label;

  StepOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
