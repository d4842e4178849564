package com.alphintra.infra.platform;

import java.util.Map;
import java.util.Optional;

/**
 * The body of a resource, data source or nested block in a provider schema: its attributes and
 * nested block types by name.
 *
 * @param deprecated the provider will remove the whole block
 */
public record SchemaBlock(
    Map<String, SchemaAttribute> attributes,
    Map<String, SchemaBlockType> blockTypes,
    boolean deprecated) {

  public SchemaBlock {
    attributes = Map.copyOf(attributes);
    blockTypes = Map.copyOf(blockTypes);
  }

  public Optional<SchemaAttribute> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  public Optional<SchemaBlockType> blockType(String name) {
    return Optional.ofNullable(blockTypes.get(name));
  }
}
