package com.alphintra.infra.manifest.k3d;

import java.util.List;

/**
 * {@code options.k3d.loadbalancer}: settings of k3d's load balancer container.
 *
 * @param configOverrides settings such as {@code settings.workerConnections=2048}
 */
public record K3dLoadbalancerOptions(List<String> configOverrides) {

  public K3dLoadbalancerOptions {
    configOverrides = List.copyOf(configOverrides);
  }
}
