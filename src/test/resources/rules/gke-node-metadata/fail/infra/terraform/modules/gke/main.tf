resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = "alphintra"
  node_config {
    metadata = {
      disable-legacy-endpoints = var.legacy_endpoints_disabled
    }
    workload_metadata_config {
      mode = var.metadata_mode
    }
  }
}

resource "google_container_node_pool" "exposed" {
  name    = "exposed"
  cluster = "alphintra"
  node_config {
    metadata = local.node_metadata
    workload_metadata_config {
      mode = "GCE_METADATA"
    }
  }
}

locals {
  node_metadata = { "disable-legacy-endpoints" = "false" }
}
