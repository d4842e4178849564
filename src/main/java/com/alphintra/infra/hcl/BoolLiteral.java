package com.alphintra.infra.hcl;

/** {@code true} or {@code false}. */
public record BoolLiteral(boolean value, Range range) implements Expression {}
