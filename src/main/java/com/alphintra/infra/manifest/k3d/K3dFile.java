package com.alphintra.infra.manifest.k3d;

import java.util.List;
import java.util.Optional;

/**
 * One of {@code files}: a file copied into nodes before they start (such as a manifest for k3s to
 * apply).
 *
 * @param source the file on the host (or inline content)
 * @param destination where it goes in the node
 * @param description what it is for
 * @param nodeFilters which nodes get it
 */
public record K3dFile(
    String source, String destination, Optional<String> description, List<String> nodeFilters) {

  public K3dFile {
    nodeFilters = List.copyOf(nodeFilters);
  }
}
