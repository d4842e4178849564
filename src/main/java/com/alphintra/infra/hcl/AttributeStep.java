package com.alphintra.infra.hcl;

/** {@code .name}. */
public record AttributeStep(String name, Range range) implements TraversalStep {}
