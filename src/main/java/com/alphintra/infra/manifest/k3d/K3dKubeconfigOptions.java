package com.alphintra.infra.manifest.k3d;

import java.util.Optional;

/**
 * {@code options.kubeconfig}: what k3d does to the user's kubeconfig.
 *
 * @param updateDefaultKubeconfig whether the cluster is added to the default kubeconfig
 * @param switchCurrentContext whether the current context switches to the new cluster
 */
public record K3dKubeconfigOptions(
    Optional<Boolean> updateDefaultKubeconfig, Optional<Boolean> switchCurrentContext) {}
