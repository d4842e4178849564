package com.alphintra.infra.cloud;

/** Which of the GKE control plane's endpoints a kubeconfig points at. */
public enum ControlPlaneEndpoint {
  /** The DNS-based endpoint: reachable from anywhere, every request authenticated by Google IAM. */
  DNS("dns"),
  /** The private IP endpoint: reachable only from inside the VPC (or a network peered to it). */
  INTERNAL_IP("internal-ip"),
  /** The public IP endpoint, limited to the authorized networks. */
  PUBLIC_IP("public-ip");

  private final String id;

  ControlPlaneEndpoint(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
