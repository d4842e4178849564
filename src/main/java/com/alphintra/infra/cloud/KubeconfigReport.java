package com.alphintra.infra.cloud;

/** The kube context {@code cloud kubeconfig} wrote, and how the cluster's API is reached. */
public record KubeconfigReport(
    Environment environment,
    String context,
    String cluster,
    String location,
    ControlPlaneEndpoint endpoint) {

  /** Whether the API is reachable only from inside the VPC. */
  public boolean privateEndpoint() {
    return endpoint == ControlPlaneEndpoint.INTERNAL_IP;
  }
}
