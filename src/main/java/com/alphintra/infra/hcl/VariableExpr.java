package com.alphintra.infra.hcl;

/**
 * A bare identifier naming a variable: the root of a traversal such as {@code var} in {@code
 * var.region}.
 */
public record VariableExpr(String name, Range range) implements Expression {}
