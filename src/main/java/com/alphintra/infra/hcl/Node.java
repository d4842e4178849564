package com.alphintra.infra.hcl;

/** Every element of the syntax tree knows the source range it came from. */
public sealed interface Node permits Body, Attribute, Block, Expression, TemplatePart, ObjectItem {

  Range range();
}
