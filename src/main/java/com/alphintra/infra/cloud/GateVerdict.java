package com.alphintra.infra.cloud;

import java.util.List;

/**
 * The check findings that block an environment (severity HIGH or above), each already a line a
 * person can read ({@code HIGH gke-private-nodes modules/gke/main.tf:12 ...}), and how many were
 * looked at.
 */
public record GateVerdict(List<String> blocking, int findingsBelowThreshold) {

  public GateVerdict {
    blocking = List.copyOf(blocking);
  }

  public boolean isClear() {
    return blocking.isEmpty();
  }
}
