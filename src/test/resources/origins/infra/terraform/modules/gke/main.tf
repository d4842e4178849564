variable "settings" {}
variable "node_pool" {}

resource "google_container_cluster" "primary" {
  name                     = "alphintra"
  location                 = "us-east4"
  deletion_protection      = var.settings.deletion_protection
  logging_service          = var.settings.logging_service
  monitoring_service       = var.settings.monitoring_service
  datapath_provider        = var.settings.datapath_provider
  remove_default_node_pool = var.settings.remove_default_node_pool
  enable_legacy_abac       = var.settings.enable_legacy_abac
  enable_shielded_nodes    = var.settings.enable_shielded_nodes
  initial_node_count       = 1

  network_policy {
    enabled = var.settings.network_policy
  }
  master_auth {
    client_certificate_config {
      issue_client_certificate = var.settings.issue_client_certificate
    }
  }
  master_authorized_networks_config {
    gcp_public_cidrs_access_enabled = var.settings.gcp_public_cidrs_access_enabled
  }
  private_cluster_config {
    enable_private_nodes    = var.settings.enable_private_nodes
    enable_private_endpoint = var.settings.enable_private_endpoint
  }
  release_channel {
    channel = var.settings.release_channel
  }
  database_encryption {
    state    = var.settings.database_encryption_state
    key_name = "projects/alphintra-prod/locations/us-east4/keyRings/gke/cryptoKeys/secrets"
  }
  binary_authorization {
    evaluation_mode = var.settings.binary_authorization_mode
  }
  workload_identity_config {
    workload_pool = var.settings.workload_pool
  }
}

resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.primary.id

  management {
    auto_repair  = var.node_pool.auto_repair
    auto_upgrade = true
  }
  node_config {
    service_account = var.node_pool.service_account
    metadata        = var.node_pool.metadata
    workload_metadata_config {
      mode = var.node_pool.metadata_mode
    }
    shielded_instance_config {
      enable_secure_boot          = var.node_pool.secure_boot
      enable_integrity_monitoring = true
    }
  }
}
