package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Range;
import java.util.Objects;
import java.util.Optional;

/** A string; equal to another regardless of origin. */
public record StringValue(String value, Optional<Range> origin) implements Value {

  public StringValue {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
  }

  public StringValue(String value) {
    this(value, Optional.empty());
  }

  @Override
  public Value withOrigin(Range origin) {
    return new StringValue(value, Optional.of(origin));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StringValue that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
