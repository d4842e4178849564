package com.alphintra.infra.platform;

/**
 * A nested block type of a provider schema block ({@code private_cluster_config} of a cluster).
 *
 * @param nestingMode {@code single}, {@code group}, {@code list}, {@code set} or {@code map}
 * @param minItems how many blocks the configuration must write at least (0: optional)
 * @param maxItems how many it may write at most (0: no limit)
 * @param block the schema of the block's body
 */
public record SchemaBlockType(String nestingMode, int minItems, int maxItems, SchemaBlock block) {

  /** The configuration must write at least one such block. */
  public boolean isRequired() {
    return minItems > 0;
  }
}
