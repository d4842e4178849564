package com.alphintra.infra.hcl;

import java.util.List;

/** {@code [a, b, c]}. */
public record TupleExpr(List<Expression> elements, Range range) implements Expression {

  public TupleExpr {
    elements = List.copyOf(elements);
  }
}
