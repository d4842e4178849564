resource "google_container_cluster" "primary" {
  name            = "alphintra"
  logging_service = var.logging_service
  logging_config {
    enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"]
  }
}

resource "google_container_cluster" "defaults" {
  name = "defaults"
}

resource "google_container_cluster" "silent" {
  name = "silent"
  logging_config {
    enable_components = []
  }
}
