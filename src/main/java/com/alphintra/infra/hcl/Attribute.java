package com.alphintra.infra.hcl;

/** {@code name = value}; {@code range} spans the whole definition. */
public record Attribute(String name, Range nameRange, Expression value, Range range)
    implements Node {}
