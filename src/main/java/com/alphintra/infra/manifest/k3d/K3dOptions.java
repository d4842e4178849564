package com.alphintra.infra.manifest.k3d;

import java.util.Optional;

/**
 * {@code options}.
 *
 * @param k3d how k3d creates the cluster
 * @param k3s how k3s runs in the nodes
 * @param kubeconfig what k3d does to the user's kubeconfig
 * @param runtime how the container runtime runs the nodes
 */
public record K3dOptions(
    Optional<K3dClusterOptions> k3d,
    Optional<K3sOptions> k3s,
    Optional<K3dKubeconfigOptions> kubeconfig,
    Optional<K3dRuntimeOptions> runtime) {}
