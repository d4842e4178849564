package com.alphintra.infra.local;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code down} did: whether there was a cluster to delete, whether the registry went, and
 * which data folders were kept or purged.
 */
public record DownResult(
    String cluster,
    boolean clusterDeleted,
    String registry,
    boolean registryDeleted,
    List<Path> keptData,
    List<Path> purgedData) {

  public DownResult {
    keptData = List.copyOf(keptData);
    purgedData = List.copyOf(purgedData);
  }
}
