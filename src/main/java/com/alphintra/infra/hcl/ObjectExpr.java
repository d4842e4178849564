package com.alphintra.infra.hcl;

import java.util.List;
import java.util.Optional;

/** {@code { key = value, ... }}. */
public record ObjectExpr(List<ObjectItem> items, Range range) implements Expression {

  public ObjectExpr {
    items = List.copyOf(items);
  }

  /** The value of the item whose key is statically the given name. */
  public Optional<Expression> get(String name) {
    return items.stream()
        .filter(item -> item.keyName().filter(name::equals).isPresent())
        .map(ObjectItem::value)
        .findFirst();
  }
}
