package com.alphintra.infra.manifest.k3d;

import java.util.List;
import java.util.Optional;

/**
 * One of {@code hostAliases}: extra {@code /etc/hosts} entries in the nodes.
 *
 * @param ip the address
 * @param hostnames the names that resolve to it
 */
public record K3dHostAlias(Optional<String> ip, List<String> hostnames) {

  public K3dHostAlias {
    hostnames = List.copyOf(hostnames);
  }
}
