package com.alphintra.infra.hcl;

/** {@code null}. */
public record NullLiteral(Range range) implements Expression {}
