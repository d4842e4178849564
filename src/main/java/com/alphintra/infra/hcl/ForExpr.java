package com.alphintra.infra.hcl;

import java.util.Optional;

/**
 * {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if
 * cond}}.
 *
 * <p>An object {@code for} has a {@code keyExpression}; {@code grouping} is the {@code ...} after
 * its value.
 */
public record ForExpr(
    Optional<String> keyVariable,
    String valueVariable,
    Expression collection,
    Optional<Expression> keyExpression,
    Expression valueExpression,
    boolean grouping,
    Optional<Expression> condition,
    Range range)
    implements Expression {

  /** {@code true} for the {@code { ... }} form that produces an object. */
  public boolean producesObject() {
    return keyExpression.isPresent();
  }
}
