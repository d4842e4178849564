package com.alphintra.infra.hcl;

import java.util.Optional;

/** An expression, kept as syntax: the parser never evaluates. */
public sealed interface Expression extends Node
    permits NumberLiteral,
        BoolLiteral,
        NullLiteral,
        TemplateExpr,
        VariableExpr,
        TupleExpr,
        ObjectExpr,
        FunctionCallExpr,
        IndexExpr,
        GetAttrExpr,
        SplatExpr,
        SplatItemExpr,
        ForExpr,
        ConditionalExpr,
        UnaryExpr,
        BinaryExpr,
        ParenthesesExpr {

  /**
   * This expression as a plain reference such as {@code var.region} or {@code local.x[0]}, when it
   * is one: a variable followed only by attribute accesses and constant indexes.
   */
  default Optional<ScopeTraversal> asTraversal() {
    return ScopeTraversal.of(this);
  }
}
