package com.alphintra.infra.hcl;

/**
 * {@code collection[key]}, and the legacy {@code collection.0} (then {@code key} is a {@link
 * NumberLiteral}).
 */
public record IndexExpr(Expression collection, Expression key, Range range) implements Expression {}
