resource "google_container_cluster" "this" {
  name     = "${var.name}-gke"
  location = var.region

  private_cluster_config {
    enable_private_nodes    = var.private_nodes
    enable_private_endpoint = var.environment == "prod"
    master_ipv4_cidr_block  = var.master_cidr
  }

  dynamic "master_authorized_networks_config" {
    for_each = var.authorized_cidr == null ? [] : [var.authorized_cidr]
    content {
      cidr_blocks {
        cidr_block = master_authorized_networks_config.value
      }
    }
  }

  resource_labels = {
    environment = var.environment
    subnet      = var.subnet_cidr
  }
}
