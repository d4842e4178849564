package com.alphintra.infra.doctor;

/**
 * What the prerequisites are for: the local k3d environment, the Google Cloud workflow, or both.
 */
public enum Target {
  LOCAL,
  CLOUD,
  ALL;

  public boolean includes(Target other) {
    return this == ALL || this == other;
  }
}
