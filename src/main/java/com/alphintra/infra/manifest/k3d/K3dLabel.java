package com.alphintra.infra.manifest.k3d;

import java.util.List;
import java.util.Optional;

/**
 * A label given to nodes: a Kubernetes node label ({@code options.k3s.nodeLabels}) or a container
 * runtime label ({@code options.runtime.labels}).
 *
 * @param label {@code KEY=VALUE}
 * @param nodeFilters which nodes get it
 */
public record K3dLabel(Optional<String> label, List<String> nodeFilters) {

  public K3dLabel {
    nodeFilters = List.copyOf(nodeFilters);
  }
}
