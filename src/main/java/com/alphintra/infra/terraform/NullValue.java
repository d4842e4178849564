package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Range;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code null}: the absence of a value, as when an optional argument is left unset; equal to every
 * other null.
 */
public record NullValue(Optional<Range> origin) implements Value {

  public NullValue {
    Objects.requireNonNull(origin, "origin");
  }

  public NullValue() {
    this(Optional.empty());
  }

  @Override
  public Value withOrigin(Range origin) {
    return new NullValue(Optional.of(origin));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NullValue;
  }

  @Override
  public int hashCode() {
    return 0;
  }
}
