package com.alphintra.infra.check;

import java.util.Locale;

/**
 * What a rule looks at; every rule id starts with its target's prefix ({@code gke-private-nodes}),
 * and rules live in {@code check/rules/<prefix>/}.
 */
public enum Target {
  GKE("GKE clusters and node pools (Terraform)"),
  SQL("Cloud SQL instances (Terraform)"),
  REDIS("Memorystore for Redis instances (Terraform)"),
  NET("VPC networks, subnets and firewalls (Terraform)"),
  STATE("Terraform state, secrets and provider versions"),
  TF("Terraform configuration: provider schemas, variables, locals, module calls and outputs"),
  ENV("drift between the dev, staging and prod environments"),
  XSTACK("names that Terraform and Kubernetes must agree on"),
  GCS("Cloud Storage buckets other than the Terraform state bucket (Terraform)"),
  AUDIT("Cloud Audit Logs: data-access logging, log buckets and sinks (Terraform)"),
  K8S("Kubernetes objects"),
  ISTIO("Istio mesh objects"),
  K3D("the local k3d cluster configuration"),
  META("the checker itself: suppressions and internal errors");

  private final String description;

  Target(String description) {
    this.description = description;
  }

  /** The start of every rule id of this target, without the dash. */
  public String prefix() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String description() {
    return description;
  }
}
