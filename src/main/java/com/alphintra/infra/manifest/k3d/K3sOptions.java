package com.alphintra.infra.manifest.k3d;

import java.util.List;

/**
 * {@code options.k3s}: how k3s runs in the nodes.
 *
 * @param extraArgs extra k3s arguments
 * @param nodeLabels Kubernetes labels given to nodes
 */
public record K3sOptions(List<K3sArg> extraArgs, List<K3dLabel> nodeLabels) {

  public K3sOptions {
    extraArgs = List.copyOf(extraArgs);
    nodeLabels = List.copyOf(nodeLabels);
  }
}
