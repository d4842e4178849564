package com.alphintra.infra.manifest.k3d;

import java.util.List;
import java.util.Optional;

/**
 * {@code options.runtime}: how the container runtime runs the nodes.
 *
 * @param gpuRequest GPUs for the nodes, such as {@code all}
 * @param serversMemory memory limit of each server node, such as {@code 2g}
 * @param agentsMemory memory limit of each agent node
 * @param hostPidMode whether nodes share the host's process namespace
 * @param labels container labels given to nodes
 * @param ulimits resource limits of the node containers
 */
public record K3dRuntimeOptions(
    Optional<String> gpuRequest,
    Optional<String> serversMemory,
    Optional<String> agentsMemory,
    Optional<Boolean> hostPidMode,
    List<K3dLabel> labels,
    List<K3dUlimit> ulimits) {

  public K3dRuntimeOptions {
    labels = List.copyOf(labels);
    ulimits = List.copyOf(ulimits);
  }
}
