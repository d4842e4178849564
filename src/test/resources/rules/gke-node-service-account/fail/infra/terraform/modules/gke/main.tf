data "google_compute_default_service_account" "default" {}

resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = "alphintra"
  node_config {
    service_account = var.node_service_account
  }
}

resource "google_container_node_pool" "batch" {
  name    = "batch"
  cluster = "alphintra"
  node_config {
    machine_type = "e2-standard-4"
  }
}

resource "google_container_node_pool" "analytics" {
  name    = "analytics"
  cluster = "alphintra"
  node_config {
    service_account = data.google_compute_default_service_account.default.email
  }
}

resource "google_container_node_pool" "reports" {
  name    = "reports"
  cluster = "alphintra"
  node_config {
    service_account = "${var.project_number}-compute@developer.gserviceaccount.com"
  }
}

resource "google_container_node_pool" "legacy" {
  name    = "legacy"
  cluster = "alphintra"
}
