package com.alphintra.infra.local;

import java.util.Set;
import java.util.function.IntPredicate;

/** Picks a local port: the preferred one, or when it is busy the next free one above it. */
final class LocalPorts {

  static final int SEARCH = 100;

  private LocalPorts() {}

  static int choose(int preferred, IntPredicate isFree, Set<Integer> taken) {
    for (int port = preferred; port < preferred + SEARCH && port < 65536; port++) {
      if (!taken.contains(port) && isFree.test(port)) {
        return port;
      }
    }
    throw new StepFailedException(
        "no free local port between " + preferred + " and " + (preferred + SEARCH - 1),
        "stop what listens there");
  }
}
