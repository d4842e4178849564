package com.alphintra.infra.cloud;

/**
 * Which Terraform state a set of outputs came from: the lineage names one state across its life,
 * the serial grows with every write.
 */
public record StateVersion(String lineage, long serial) {

  /** Whether {@code current} is a later write of the same state, or another state altogether. */
  public boolean isOlderThan(StateVersion current) {
    return !lineage.equals(current.lineage()) || serial < current.serial();
  }
}
