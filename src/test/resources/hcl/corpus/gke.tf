terraform {
  required_version = ">= 1.6.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.50, < 7.0"
    }
  }
}

data "google_client_config" "default" {}

data "google_container_engine_versions" "region" {
  location       = var.region
  version_prefix = "${var.kubernetes_minor}."
}

resource "google_service_account" "nodes" {
  account_id   = "${var.cluster_name}-nodes"
  display_name = "GKE nodes of ${var.cluster_name}"
  project      = var.project_id
}

resource "google_container_cluster" "this" {
  name     = var.cluster_name
  location = var.region
  project  = var.project_id

  # No default node pool: pools are managed below so they can change without recreating the cluster.
  remove_default_node_pool = true
  initial_node_count       = 1
  deletion_protection      = var.environment == "prod"

  network    = var.network_self_link
  subnetwork = var.subnetwork_self_link

  min_master_version = data.google_container_engine_versions.region.latest_master_version

  ip_allocation_policy {
    cluster_secondary_range_name  = var.pods_range_name
    services_secondary_range_name = var.services_range_name
  }

  # Private nodes: no public IPs on the VMs.
  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = var.private_endpoint
    master_ipv4_cidr_block  = cidrsubnet(var.master_cidr_base, 28 - tonumber(split("/", var.master_cidr_base)[1]), 0)
  }

  master_authorized_networks_config {
    dynamic "cidr_blocks" {
      for_each = var.authorized_networks
      content {
        cidr_block   = cidr_blocks.value.cidr
        display_name = cidr_blocks.key
      }
    }
  }

  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }

  release_channel { channel = upper(var.release_channel) }

  resource_labels = merge(var.labels, {
    environment = var.environment
    "team"      = "platform"
  })

  lifecycle {
    ignore_changes = [
      initial_node_count,
      node_config,
    ]
    precondition {
      condition     = var.environment != "prod" || var.private_endpoint
      error_message = "Production clusters must use a private endpoint."
    }
  }
}

resource "google_container_node_pool" "general" {
  for_each = { for p in var.node_pools : p.name => p }

  name     = each.key
  cluster  = google_container_cluster.this.id
  location = var.region

  autoscaling {
    min_node_count = each.value.min
    max_node_count = max(each.value.min, each.value.max)
  }

  node_config {
    machine_type    = each.value.machine_type
    disk_size_gb    = lookup(each.value, "disk_size_gb", 100)
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
    labels          = { pool = each.key }

    dynamic "taint" {
      for_each = each.value.taints
      content {
        key    = taint.value.key
        value  = taint.value.value
        effect = taint.value.effect
      }
    }

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot = true
    }
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }
}

output "cluster_name" {
  description = "Name of the GKE cluster."
  value       = google_container_cluster.this.name
}

output "endpoint" {
  description = "Control plane endpoint."
  value       = google_container_cluster.this.endpoint
  sensitive   = true
}

output "node_pool_names" {
  description = "Names of all node pools."
  value       = [for p in google_container_node_pool.general : p.name]
}

output "node_pool_ids" {
  description = "Node pool ids via a splat."
  value       = values(google_container_node_pool.general)[*].id
}

output "first_endpoint_legacy" {
  description = "Legacy index syntax still parses."
  value       = google_container_cluster.this.private_cluster_config.0.private_endpoint
}
