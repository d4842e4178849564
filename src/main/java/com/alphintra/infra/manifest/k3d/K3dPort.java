package com.alphintra.infra.manifest.k3d;

import java.util.List;
import java.util.Optional;

/**
 * One of {@code ports}: a port published from the cluster to the host.
 *
 * @param port {@code [HOSTIP:][HOSTPORT:]CONTAINERPORT[/PROTOCOL][@NODEFILTER]}, such as {@code
 *     80:80@loadbalancer}
 * @param nodeFilters which nodes publish it, such as {@code loadbalancer}
 */
public record K3dPort(Optional<String> port, List<String> nodeFilters) {

  public K3dPort {
    nodeFilters = List.copyOf(nodeFilters);
  }

  /**
   * The host side of the mapping; empty when it names no host port (Docker then picks one) or is
   * unreadable.
   */
  public Optional<HostPortRange> hostPorts() {
    return port.flatMap(PortSpec::hostPorts);
  }

  /** The port inside the cluster (on the nodes or the load balancer), such as {@code 443}. */
  public Optional<Integer> containerPort() {
    return port.flatMap(PortSpec::containerPort);
  }

  /**
   * Whether the k3d load balancer publishes it: {@code loadbalancer} in {@code nodeFilters} or
   * after {@code @} in the port itself.
   */
  public boolean isOnLoadBalancer() {
    return nodeFilters.stream().anyMatch(filter -> filter.strip().equals("loadbalancer"))
        || port.flatMap(PortSpec::nodeFilter).filter("loadbalancer"::equals).isPresent();
  }
}
