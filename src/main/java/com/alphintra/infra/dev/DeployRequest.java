package com.alphintra.infra.dev;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code alphintra dev deploy} was asked for.
 *
 * @param services the Deployments to roll, or {@code all}
 * @param context the kube context, or empty for the local k3d one
 * @param rolloutTimeout how long the new pods may take to become available before the old image is
 *     restored
 * @param registryHost where the image is pushed from this machine, e.g. {@code 127.0.0.1:5000};
 *     empty for the registry's host address in the k3d config
 */
public record DeployRequest(
    List<String> services,
    Optional<String> context,
    Duration rolloutTimeout,
    Optional<String> registryHost) {

  public static final Duration DEFAULT_ROLLOUT_TIMEOUT = Duration.ofMinutes(2);

  public DeployRequest {
    services = List.copyOf(services);
  }

  /** Pushing to the given registry address. */
  public DeployRequest(
      List<String> services,
      Optional<String> context,
      Duration rolloutTimeout,
      String registryHost) {
    this(services, context, rolloutTimeout, Optional.of(registryHost));
  }
}
