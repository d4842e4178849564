package com.alphintra.infra.hcl;

/** {@code condition ? whenTrue : whenFalse}. */
public record ConditionalExpr(
    Expression condition, Expression whenTrue, Expression whenFalse, Range range)
    implements Expression {}
