package com.alphintra.infra.hcl;

/**
 * Stands for "the current element" inside {@link SplatExpr#each()}; its range is the splat
 * operator's.
 */
public record SplatItemExpr(Range range) implements Expression {}
