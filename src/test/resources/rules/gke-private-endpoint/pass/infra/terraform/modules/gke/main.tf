resource "google_container_cluster" "primary" {
  name = "alphintra"
  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = var.private_endpoint
  }
}

resource "google_container_cluster" "dns_only" {
  name = "dns-only"
  control_plane_endpoints_config {
    ip_endpoints_config {
      enabled = false
    }
  }
}
