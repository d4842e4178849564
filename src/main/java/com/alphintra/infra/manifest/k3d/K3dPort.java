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
}
