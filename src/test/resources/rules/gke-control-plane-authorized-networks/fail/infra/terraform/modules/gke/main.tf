resource "google_container_cluster" "primary" {
  name = "alphintra"
  master_authorized_networks_config {
    gcp_public_cidrs_access_enabled = var.google_cloud_access
    cidr_blocks {
      cidr_block   = "0.0.0.0/0"
      display_name = "anywhere"
    }
    dynamic "cidr_blocks" {
      for_each = var.authorized_networks
      content {
        cidr_block   = cidr_blocks.value.cidr_block
        display_name = cidr_blocks.value.display_name
      }
    }
  }
}

resource "google_container_cluster" "legacy" {
  name = "legacy"
}

resource "google_container_cluster" "iterated" {
  name = "iterated"
  master_authorized_networks_config {
    dynamic "cidr_blocks" {
      for_each = var.open_networks
      iterator = network
      content {
        cidr_block = network.value
      }
    }
  }
}

# The IP endpoints are off, so only the IAM-authenticated DNS endpoint exists: nothing to authorize.
resource "google_container_cluster" "dns_only" {
  name = "dns-only"
  control_plane_endpoints_config {
    ip_endpoints_config {
      enabled = false
    }
  }
}
