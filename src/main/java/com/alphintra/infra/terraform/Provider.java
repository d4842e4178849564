package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Body;
import com.alphintra.infra.hcl.Range;
import java.util.Optional;

/** A {@code provider "name"} configuration block, possibly with an {@code alias}. */
public record Provider(String name, Optional<String> alias, Block block) {

  public Body body() {
    return block.body();
  }

  public Range range() {
    return block.range();
  }
}
