package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Body;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.Range;
import java.util.Optional;

/** A {@code resource "type" "name"} or {@code data "type" "name"} block. */
public record Resource(ResourceMode mode, String type, String name, Block block) {

  public Body body() {
    return block.body();
  }

  public Range range() {
    return block.range();
  }

  /** {@code google_container_cluster.this}, or {@code data.google_client_config.default}. */
  public String address() {
    return (mode == ResourceMode.DATA ? "data." : "") + type + "." + name;
  }

  /** The {@code count} meta-argument, if set. */
  public Optional<Expression> count() {
    return body().attribute("count").map(a -> a.value());
  }

  /** The {@code for_each} meta-argument, if set. */
  public Optional<Expression> forEach() {
    return body().attribute("for_each").map(a -> a.value());
  }
}
