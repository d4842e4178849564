resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = "alphintra"
  node_config {
    metadata = {
      disable-legacy-endpoints = "true"
    }
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
}

# Unset: GKE_METADATA is the default where the cluster has Workload Identity (gke-workload-identity).
resource "google_container_node_pool" "batch" {
  name    = "batch"
  cluster = "alphintra"
  node_config {
    machine_type = "e2-standard-4"
  }
}
