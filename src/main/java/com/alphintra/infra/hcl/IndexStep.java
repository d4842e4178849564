package com.alphintra.infra.hcl;

import java.util.OptionalInt;

/** {@code [0]} or {@code ["key"]} with a constant key, kept as text. */
public record IndexStep(String key, boolean numeric, Range range) implements TraversalStep {

  /** The key as a list index when it is a non-negative integer. */
  public OptionalInt asIndex() {
    if (!numeric
        || key.isEmpty()
        || key.length() > 9
        || !key.chars().allMatch(Character::isDigit)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(key));
  }
}
