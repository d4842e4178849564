package com.alphintra.infra.manifest.k3d;

import java.util.List;
import java.util.Optional;

/**
 * One of {@code env}: an environment variable set on nodes.
 *
 * @param envVar {@code NAME=VALUE}
 * @param nodeFilters which nodes get it
 */
public record K3dEnvVar(Optional<String> envVar, List<String> nodeFilters) {

  public K3dEnvVar {
    nodeFilters = List.copyOf(nodeFilters);
  }
}
