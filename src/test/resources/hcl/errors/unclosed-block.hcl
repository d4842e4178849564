resource "google_compute_network" "vpc" {
  name = "vpc"

  lifecycle {
    prevent_destroy = true
  }
