package com.alphintra.infra.terraform;

import java.util.List;

/** A list, tuple or set, in order; elements may be unknown. */
public record ListValue(List<Value> elements) implements Value {

  public ListValue {
    elements = List.copyOf(elements);
  }

  @Override
  public boolean isWhollyKnown() {
    return elements.stream().allMatch(Value::isWhollyKnown);
  }
}
