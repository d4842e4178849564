variable "nodes_cidr" {
  type        = string
  description = "Node subnet."
}

variable "pods_cidr" {
  type        = string
  description = "Pod secondary range."
}

variable "private_service_access_cidr" {
  type        = string
  description = "Private services access range."
}

variable "master_cidr" {
  type        = string
  description = "GKE control-plane range."
}

resource "google_compute_subnetwork" "nodes" {
  name          = "nodes"
  ip_cidr_range = var.nodes_cidr

  secondary_ip_range {
    range_name    = "pods"
    ip_cidr_range = var.pods_cidr
  }
}

resource "google_compute_global_address" "private_services" {
  name          = "private-services"
  purpose       = "VPC_PEERING"
  address       = split("/", var.private_service_access_cidr)[0]
  prefix_length = tonumber(split("/", var.private_service_access_cidr)[1])
}

resource "google_container_cluster" "primary" {
  name = "primary"

  private_cluster_config {
    enable_private_nodes   = true
    master_ipv4_cidr_block = var.master_cidr
  }
}
