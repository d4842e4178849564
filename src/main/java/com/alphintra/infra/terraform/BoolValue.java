package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Range;
import java.util.Objects;
import java.util.Optional;

/** {@code true} or {@code false}; equal to another regardless of origin. */
public record BoolValue(boolean value, Optional<Range> origin) implements Value {

  public BoolValue {
    Objects.requireNonNull(origin, "origin");
  }

  public BoolValue(boolean value) {
    this(value, Optional.empty());
  }

  @Override
  public Value withOrigin(Range origin) {
    return new BoolValue(value, Optional.of(origin));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BoolValue that && value == that.value;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(value);
  }
}
