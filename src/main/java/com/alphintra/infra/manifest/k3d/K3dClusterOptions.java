package com.alphintra.infra.manifest.k3d;

import java.util.Optional;

/**
 * {@code options.k3d}: how k3d creates the cluster.
 *
 * @param waitForReady {@code wait}: whether k3d waits for the servers to be ready
 * @param timeout how long k3d waits, as written ({@code 60s}, {@code 1m30s})
 * @param disableLoadbalancer whether no load balancer is created
 * @param disableImageVolume whether no shared image volume is created
 * @param disableRollback whether a failed creation is left in place
 * @param loadbalancer settings of the load balancer
 */
public record K3dClusterOptions(
    Optional<Boolean> waitForReady,
    Optional<String> timeout,
    Optional<Boolean> disableLoadbalancer,
    Optional<Boolean> disableImageVolume,
    Optional<Boolean> disableRollback,
    Optional<K3dLoadbalancerOptions> loadbalancer) {}
