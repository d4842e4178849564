variable "environment" {
  type        = string
  description = "Environment name."
}

variable "project_id" {
  type        = string
  description = "The environment's project."
}

locals {
  services = ["api-gateway", "trading-engine", "market-data"]
}

module "gke" {
  source = "../gke"

  project_id  = var.project_id
  environment = var.environment
  # The pool is the cluster's: the project the cluster runs in.
  identity_project = "shop-prod"
  workload_identities = {
    for service in local.services : service => {
      kubernetes_namespace       = service == "market-data" ? "alphintra-data" : "alphintra"
      kubernetes_service_account = service
    }
  }
}
