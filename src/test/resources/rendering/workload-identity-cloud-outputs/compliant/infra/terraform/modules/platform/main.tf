variable "environment" {
  type        = string
  description = "Environment name."
}

variable "project_id" {
  type        = string
  description = "The environment's project."
}

locals {
  services = ["api-gateway", "trading-engine", "market-data", "risk-service"]
}

module "gke" {
  source = "../gke"

  project_id  = var.project_id
  environment = var.environment
  # The pool is the cluster's: the project the cluster runs in.
  identity_project = var.project_id
  workload_identities = {
    for service in local.services : service => {
      kubernetes_namespace       = "alphintra"
      kubernetes_service_account = service
    }
  }
}
