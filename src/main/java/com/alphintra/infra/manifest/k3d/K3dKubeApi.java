package com.alphintra.infra.manifest.k3d;

import java.util.Optional;

/**
 * {@code kubeAPI}: where the cluster's API server is published on the host.
 *
 * @param host the host name written into the kubeconfig
 * @param hostIp {@code hostIP}: the host address the API port binds to
 * @param hostPort the host port, as text (the schema wants a string, such as {@code "6443"})
 */
public record K3dKubeApi(
    Optional<String> host, Optional<String> hostIp, Optional<String> hostPort) {

  /** The host port as a number; empty when absent or not a number (k3d then picks a free port). */
  public Optional<Integer> hostPortNumber() {
    return hostPort.flatMap(PortSpec::port);
  }
}
