package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.Range;

/** One named value of a {@code locals} block. */
public record Local(String name, Attribute attribute) {

  public Expression value() {
    return attribute.value();
  }

  public Range range() {
    return attribute.range();
  }
}
