package com.alphintra.infra.local;

import java.util.Optional;

/**
 * What {@code alphintra up} was asked to do.
 *
 * @param context an existing cluster's kube context; empty for the local k3d cluster
 */
public record UpRequest(boolean dryRun, Optional<String> context, Optional<String> only, Optional<String> from,
    boolean keepOnFailure) {}
