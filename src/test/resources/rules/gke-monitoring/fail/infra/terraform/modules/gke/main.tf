resource "google_container_cluster" "primary" {
  name = "alphintra"
  monitoring_config {
    enable_components = var.monitoring_components
  }
}

resource "google_container_cluster" "dark" {
  name               = "dark"
  monitoring_service = "none"
}
