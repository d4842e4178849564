provider "google" {
  project = var.project_id
  region  = var.region
}

locals {
  environment = "dev"
  name        = "alphintra-${local.environment}"
}

module "network" {
  source       = "../../modules/network"
  name         = local.name
  cidr         = var.cidr
  subnet_names = ["nodes", "proxy"]
}

module "cluster" {
  source        = "../../modules/cluster"
  name          = local.name
  environment   = local.environment
  region        = var.region
  private_nodes = var.private_nodes
  subnet_cidr   = module.network.subnet_cidrs["nodes"]
}

module "remote" {
  source  = "terraform-google-modules/network/google"
  version = "~> 9.0"
}

data "google_client_config" "current" {}

output "cluster_private" {
  description = "Private nodes in dev."
  value       = module.cluster.private
  sensitive   = false
}
