package com.alphintra.infra.dev;

/** The phases of one pass of the dev loop, in order. */
public enum DeployPhase {
  COMPILE("compile"),
  IMAGE("build and push"),
  ROLLOUT("roll out");

  private final String label;

  DeployPhase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
