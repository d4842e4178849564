resource "google_compute_network" "main" {
  name = "alphintra"
  # alphintra:ignore net-vpc-custom-mode
  auto_create_subnetworks = true
}
