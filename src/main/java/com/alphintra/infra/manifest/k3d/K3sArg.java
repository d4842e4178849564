package com.alphintra.infra.manifest.k3d;

import java.util.List;
import java.util.Optional;

/**
 * One of {@code options.k3s.extraArgs}: a command-line argument for k3s.
 *
 * @param arg the argument, such as {@code --disable=traefik}
 * @param nodeFilters which nodes' k3s gets it, such as {@code server:*}
 */
public record K3sArg(Optional<String> arg, List<String> nodeFilters) {

  public K3sArg {
    nodeFilters = List.copyOf(nodeFilters);
  }
}
