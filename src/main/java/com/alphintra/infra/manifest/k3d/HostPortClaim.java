package com.alphintra.infra.manifest.k3d;

import com.alphintra.infra.manifest.FieldPath;

/**
 * Host ports a k3d config binds, and the field that binds them, so a clash can be reported at its
 * line.
 *
 * @param path the field, such as {@code ports[0].port}, {@code kubeAPI.hostPort} or {@code
 *     registries.create.hostPort}
 * @param ports the ports
 */
public record HostPortClaim(FieldPath path, HostPortRange ports) {}
