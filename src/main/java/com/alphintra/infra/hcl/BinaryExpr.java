package com.alphintra.infra.hcl;

/** {@code left op right}; operators of one level associate to the left. */
public record BinaryExpr(BinaryOperator operator, Expression left, Expression right, Range range)
    implements Expression {}
