package com.alphintra.infra.hcl;

/** Literal template text, escapes decoded; the range covers the source text it came from. */
public record TemplateLiteral(String value, Range range) implements TemplatePart {}
