package com.alphintra.infra.hcl;

/**
 * {@code source.*.a.b} (attribute-only splat) or {@code source[*].a[0]} (full splat).
 *
 * <p>{@code each} is applied to every element of {@code source}; it is built on a {@link
 * SplatItemExpr} that stands for the element, so {@code list[*].id} has {@code each =
 * GetAttr(SplatItem, "id")}.
 */
public record SplatExpr(Expression source, Expression each, boolean full, Range range)
    implements Expression {}
