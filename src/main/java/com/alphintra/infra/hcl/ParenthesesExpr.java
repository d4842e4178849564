package com.alphintra.infra.hcl;

/**
 * {@code (inner)}: kept in the tree because it changes an object key from a name to an expression.
 */
public record ParenthesesExpr(Expression inner, Range range) implements Expression {}
