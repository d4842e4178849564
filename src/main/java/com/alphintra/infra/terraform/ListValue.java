package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Range;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A list, tuple or set, in order; elements may be unknown, and each keeps its own origin. Equal to
 * another with equal elements, regardless of origin.
 */
public record ListValue(List<Value> elements, Optional<Range> origin) implements Value {

  public ListValue {
    elements = List.copyOf(elements);
    Objects.requireNonNull(origin, "origin");
  }

  public ListValue(List<Value> elements) {
    this(elements, Optional.empty());
  }

  @Override
  public Value withOrigin(Range origin) {
    return new ListValue(elements, Optional.of(origin));
  }

  @Override
  public boolean isWhollyKnown() {
    return elements.stream().allMatch(Value::isWhollyKnown);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ListValue that && elements.equals(that.elements);
  }

  @Override
  public int hashCode() {
    return elements.hashCode();
  }
}
