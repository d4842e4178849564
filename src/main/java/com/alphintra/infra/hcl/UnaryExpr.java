package com.alphintra.infra.hcl;

/** {@code -x} or {@code !x}. */
public record UnaryExpr(UnaryOperator operator, Expression operand, Range range)
    implements Expression {}
