terraform {
  backend "gcs" {
    bucket = "alphintra-dev-tfstate"
    prefix = "environments/dev"
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}

provider "google" {
  alias   = "europe"
  project = var.project_id
  region  = "europe-west1"
}

locals {
  environment = "dev"
  base_cidr   = "10.10.0.0/16"
  regions     = ["europe-west3", "europe-west1"]

  subnets = [
    for i, region in local.regions : {
      name   = "${local.environment}-${region}"
      region = region
      cidr   = cidrsubnet(local.base_cidr, 4, i)
      secondary_ranges = [
        { range_name = "pods", cidr = cidrsubnet(local.base_cidr, 4, i + 8) },
        { range_name = "services", cidr = cidrsubnet(local.base_cidr, 8, i + 200) },
      ]
    }
  ]

  node_pools = [
    {
      name         = "general"
      machine_type = local.environment == "prod" ? "e2-standard-8" : "e2-standard-4"
      min          = 1
      max          = 3
      taints       = []
    },
    {
      name         = "analytics"
      machine_type = "n2-highmem-4"
      min          = 0
      max          = 2
      taints       = [{ key = "workload", value = "analytics", effect = "NO_SCHEDULE" }]
    },
  ]

  common_labels = {
    environment = local.environment
    cost-center = format("%s-%03d", "platform", 7)
  }

  pool_names_by_size = { for p in local.node_pools : (p.max > 2 ? "large" : "small") => p.name... }
  ratio              = (1 + 2) * 3 / 4 % 5 - -1
  flags              = !false && (true || false) && 1 < 2 && 2 >= 2 && "a" != "b"
}

module "vpc" {
  source = "../../modules/vpc"

  project_id   = var.project_id
  network_name = "alphintra-${local.environment}"
  subnets      = local.subnets
  labels       = local.common_labels
}

module "gke" {
  source     = "../../modules/gke"
  depends_on = [module.vpc]

  project_id           = var.project_id
  environment          = local.environment
  region               = var.region
  cluster_name         = "alphintra-${local.environment}"
  network_self_link    = module.vpc.network_self_link
  subnetwork_self_link = module.vpc.subnetwork_self_links["${var.region}/${local.environment}-${var.region}"]
  pods_range_name      = "pods"
  services_range_name  = "services"
  private_endpoint     = false
  master_cidr_base     = "172.16.0.0/28"
  node_pools           = local.node_pools
  authorized_networks = {
    office = { cidr = "203.0.113.0/24" }
  }

  providers = {
    google = google.europe
  }
}

moved {
  from = module.cluster
  to   = module.gke
}

import {
  to = google_storage_bucket.imported
  id = "alphintra-dev-imports"
}

check "cluster_is_private" {
  assert {
    condition     = module.gke.private_nodes
    error_message = "Nodes must be private."
  }
}

output "subnet_cidrs" {
  description = "CIDR of each subnet."
  value       = { for s in local.subnets : s.name => s.cidr }
}
