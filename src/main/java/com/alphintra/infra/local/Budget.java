package com.alphintra.infra.local;

import java.time.Duration;
import java.util.List;

/**
 * A time target from PHASE-2.md ("cluster startup < 5 minutes") and the steps whose durations count
 * against it.
 */
public record Budget(String label, Duration limit, List<String> steps) {

  public Budget {
    steps = List.copyOf(steps);
  }
}
