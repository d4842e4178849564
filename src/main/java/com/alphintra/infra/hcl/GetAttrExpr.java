package com.alphintra.infra.hcl;

/** {@code object.name}. */
public record GetAttrExpr(Expression object, String name, Range nameRange, Range range)
    implements Expression {}
