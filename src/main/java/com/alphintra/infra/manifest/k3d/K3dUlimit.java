package com.alphintra.infra.manifest.k3d;

import java.util.Optional;

/**
 * One of {@code options.runtime.ulimits}: a resource limit for the node containers.
 *
 * @param name the limit, such as {@code nofile}
 * @param soft the soft limit
 * @param hard the hard limit
 */
public record K3dUlimit(Optional<String> name, Optional<Long> soft, Optional<Long> hard) {}
