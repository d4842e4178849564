resource "google_container_cluster" "primary" {
  name = "alphintra"
  master_authorized_networks_config {
    gcp_public_cidrs_access_enabled = false
    cidr_blocks {
      cidr_block   = "10.100.0.0/24"
      display_name = "vpn"
    }
    dynamic "cidr_blocks" {
      for_each = var.authorized_networks
      iterator = network
      content {
        cidr_block   = network.value.cidr_block
        display_name = network.key
      }
    }
  }
}

# No cidr_blocks: only the nodes reach the control plane.
resource "google_container_cluster" "closed" {
  name = "closed"
  master_authorized_networks_config {}
}
