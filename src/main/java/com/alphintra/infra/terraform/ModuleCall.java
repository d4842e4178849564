package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Range;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code module "name"} block.
 *
 * @param source the literal {@code source} string
 * @param localSource the directory a local source ({@code ./} or {@code ../}) points at, normalised
 * @param arguments the input variables it sets, meta-arguments ({@code source}, {@code count}, ...)
 *     left out
 */
public record ModuleCall(
    String name,
    Optional<String> source,
    Optional<Path> localSource,
    Map<String, Attribute> arguments,
    Block block) {

  public ModuleCall {
    arguments = Map.copyOf(arguments);
  }

  public Range range() {
    return block.range();
  }

  /**
   * {@code true} when the call uses {@code count} or {@code for_each}, so it may create several
   * instances.
   */
  public boolean isRepeated() {
    return block.body().attribute("count").isPresent()
        || block.body().attribute("for_each").isPresent();
  }
}
