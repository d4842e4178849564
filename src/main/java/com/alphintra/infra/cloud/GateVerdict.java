package com.alphintra.infra.cloud;

import java.util.List;

/**
 * The check findings that block an environment (severity HIGH or above), each already a line a
 * person can read ({@code HIGH gke-private-nodes modules/gke/main.tf:12 ...}), how many were looked
 * at, and what the check says about how complete it was (a Helm release skipped for want of its
 * chart archive, an overlay rendered with its example outputs).
 */
public record GateVerdict(List<String> blocking, int findingsBelowThreshold, List<String> notes) {

  public GateVerdict {
    blocking = List.copyOf(blocking);
    notes = List.copyOf(notes);
  }

  /** A verdict without notes. */
  public GateVerdict(List<String> blocking, int findingsBelowThreshold) {
    this(blocking, findingsBelowThreshold, List.of());
  }

  public boolean isClear() {
    return blocking.isEmpty();
  }
}
