package com.alphintra.infra.cloud;

import java.util.Optional;

/**
 * What {@code cloud bootstrap} made sure exists in a project: the remote-state bucket, the deployer
 * service account and, when a GitHub repository was named, the Workload Identity provider CI uses
 * to act as the deployer.
 */
public record BootstrapReport(
    String projectId,
    String region,
    String bucket,
    Optional<String> deployerServiceAccount,
    Optional<String> workloadIdentityProvider) {

  /** The backend settings each environment's {@code terraform init} gets. */
  public String backendSettings(Environment environment) {
    return "bucket = \"" + bucket + "\"\nprefix = \"environments/" + environment.id() + "\"";
  }
}
