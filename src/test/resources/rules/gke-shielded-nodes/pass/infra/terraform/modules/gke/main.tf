resource "google_container_cluster" "primary" {
  name                     = "alphintra"
  remove_default_node_pool = true
}

resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.primary.id
  node_config {
    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }
}

# Autopilot nodes are always shielded and have no pools to configure.
resource "google_container_cluster" "autopilot" {
  name             = "autopilot"
  enable_autopilot = true
}
