package com.alphintra.infra.local;

import java.util.Optional;

/**
 * What {@code alphintra up} was asked to do.
 *
 * @param context an existing cluster's kube context; empty for the local k3d cluster
 * @param allowRemoteContext whether the local overlay may go onto a cluster whose API server is not
 *     on this machine
 */
public record UpRequest(
    boolean dryRun,
    Optional<String> context,
    Optional<String> only,
    Optional<String> from,
    boolean keepOnFailure,
    String overlay,
    boolean allowRemoteContext) {

  /** The overlay of the local k3d environment, the default. */
  public static final String LOCAL_OVERLAY = "local";

  public UpRequest(
      boolean dryRun,
      Optional<String> context,
      Optional<String> only,
      Optional<String> from,
      boolean keepOnFailure) {
    this(dryRun, context, only, from, keepOnFailure, LOCAL_OVERLAY, false);
  }

  public UpRequest(
      boolean dryRun,
      Optional<String> context,
      Optional<String> only,
      Optional<String> from,
      boolean keepOnFailure,
      String overlay) {
    this(dryRun, context, only, from, keepOnFailure, overlay, false);
  }

  /**
   * A cloud overlay (dev, staging, prod) goes onto GKE: its Secrets and certificate come from
   * Google Cloud.
   */
  public boolean isLocalOverlay() {
    return LOCAL_OVERLAY.equals(overlay);
  }
}
