package com.alphintra.infra.manifest.k3d;

import java.util.List;
import java.util.Optional;

/**
 * {@code registries.create}: a container image registry created alongside the cluster.
 *
 * @param name the registry's container name, such as {@code registry.localhost}
 * @param host the host address its port binds to (k3d's default: {@code 0.0.0.0})
 * @param hostPort the host port as text, such as {@code "5000"}, or {@code random} (k3d's default)
 * @param image the registry image
 * @param proxy the remote registry it mirrors
 * @param volumes mounts into the registry container, such as {@code
 *     /tmp/registry:/var/lib/registry}
 * @param enforcePortMatch whether the port inside the cluster must equal the host port
 */
public record K3dRegistryCreate(
    Optional<String> name,
    Optional<String> host,
    Optional<String> hostPort,
    Optional<String> image,
    Optional<K3dRegistryProxy> proxy,
    List<String> volumes,
    Optional<Boolean> enforcePortMatch) {

  public K3dRegistryCreate {
    volumes = List.copyOf(volumes);
  }

  /** The host port as a number; empty when absent, {@code random} or not a number. */
  public Optional<Integer> hostPortNumber() {
    return hostPort.flatMap(PortSpec::port);
  }
}
