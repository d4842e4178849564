package com.alphintra.infra.platform;

import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Body;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code resource "type" "name" { ... }} block, with the file it is in and the directory (module
 * or environment) it belongs to.
 *
 * @param type the resource type ({@code google_container_cluster})
 * @param name the resource name ({@code primary})
 * @param block the block, with the position of every attribute and nested block
 * @param file the file, relative to the repository root
 * @param directory the Terraform directory (module or environment), relative to the repository root
 */
public record TerraformResource(String type, String name, Block block, Path file, Path directory) {

  /** {@code type.name}, as Terraform addresses the resource within its module. */
  public String address() {
    return type + "." + name;
  }

  /** The line of the {@code resource} keyword. */
  public int line() {
    return block.range().start().line();
  }

  /**
   * The attribute at a dotted path through nested blocks, such as {@code
   * private_cluster_config.enable_private_nodes}; the first block of each name is followed.
   */
  public Optional<Attribute> attribute(String path) {
    String[] parts = path.split("\\.");
    Body body = block.body();
    for (int index = 0; index < parts.length - 1; index++) {
      Optional<Block> nested = body.blocks(parts[index]).stream().findFirst();
      if (nested.isEmpty()) {
        return Optional.empty();
      }
      body = nested.get().body();
    }
    return body.attribute(parts[parts.length - 1]);
  }

  /**
   * The nested block at a dotted path ({@code ip_configuration}, {@code
   * settings.ip_configuration}).
   */
  public Optional<Block> nestedBlock(String path) {
    Body body = block.body();
    Block found = null;
    for (String part : path.split("\\.")) {
      Optional<Block> nested = body.blocks(part).stream().findFirst();
      if (nested.isEmpty()) {
        return Optional.empty();
      }
      found = nested.get();
      body = found.body();
    }
    return Optional.ofNullable(found);
  }

  /**
   * The tightest line for a finding about {@code path}: the attribute, else its nearest present
   * block.
   */
  public int lineOf(String path) {
    Optional<Attribute> attribute = attribute(path);
    if (attribute.isPresent()) {
      return attribute.get().range().start().line();
    }
    String[] parts = path.split("\\.");
    for (int depth = parts.length - 1; depth > 0; depth--) {
      Optional<Block> nested = nestedBlock(String.join(".", java.util.Arrays.copyOf(parts, depth)));
      if (nested.isPresent()) {
        return nested.get().range().start().line();
      }
    }
    return line();
  }
}
