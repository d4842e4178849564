resource "google_compute_network" "main" {
  name                    = "alphintra"
  auto_create_subnetworks = false
}
