package com.alphintra.infra.manifest.k3d;

import java.util.List;
import java.util.Optional;

/**
 * {@code registries}: registries the cluster creates or uses.
 *
 * @param create a registry created alongside the cluster
 * @param use existing registries connected to the cluster, such as {@code
 *     k3d-registry.localhost:5000}
 * @param config a k3s {@code registries.yaml}, inline or as a file reference
 */
public record K3dRegistries(
    Optional<K3dRegistryCreate> create, List<String> use, Optional<String> config) {

  public K3dRegistries {
    use = List.copyOf(use);
  }
}
