resource "google_container_cluster" "primary" {
  name = "alphintra"
  monitoring_config {
    enable_components = ["SYSTEM_COMPONENTS", "APISERVER", "POD", "DEPLOYMENT"]
    managed_prometheus {
      enabled = true
    }
  }
}

# GKE collects system metrics by default.
resource "google_container_cluster" "secondary" {
  name = "secondary"
}
