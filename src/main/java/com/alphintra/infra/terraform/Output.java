package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.Range;
import java.util.Optional;

/** An {@code output "name"} block. */
public record Output(
    String name,
    Optional<String> description,
    boolean sensitive,
    Optional<Expression> value,
    Block block) {

  public Range range() {
    return block.range();
  }
}
