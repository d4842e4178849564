package com.alphintra.infra.hcl;

/**
 * A block label, quoted ({@code "aws_vpc"}) or a bare identifier; {@code value} is without quotes.
 */
public record BlockLabel(String value, boolean quoted, Range range) {}
