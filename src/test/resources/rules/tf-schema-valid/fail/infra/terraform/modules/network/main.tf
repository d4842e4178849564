resource "google_compute_network" "main" {
  auto_create_subnetwork = false
  self_link              = "https://example.invalid/network"

  timeout {
    create = "10m"
  }
}

data "google_project" "current" {
  number = "123"
}

resource "google_compute_netwrk" "typo" {
  name = "typo"
}
