variable "nodes_cidr" {
  type        = string
  description = "Node subnet."
}

variable "pods_cidr" {
  type        = string
  description = "Pod secondary range."
}

variable "services_cidr" {
  type        = string
  description = "Service secondary range."
}

variable "max_nodes_per_zone" {
  type        = number
  description = "Autoscaling maximum of the node pool, per zone."
}

resource "google_compute_subnetwork" "nodes" {
  name          = "nodes"
  ip_cidr_range = var.nodes_cidr

  secondary_ip_range {
    range_name    = "pods"
    ip_cidr_range = var.pods_cidr
  }

  secondary_ip_range {
    range_name    = "services"
    ip_cidr_range = var.services_cidr
  }
}

resource "google_container_cluster" "primary" {
  name     = "primary"
  location = "us-east4"

  ip_allocation_policy {
    cluster_secondary_range_name  = "pods"
    services_secondary_range_name = "services"
  }
}

resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.primary.id

  autoscaling {
    min_node_count = 1
    max_node_count = var.max_nodes_per_zone
  }
}
