resource "google_compute_network" "main" {
  name = "alphintra"
  # alphintra:ignore net-vpc-custom-mode reason="the sandbox project needs every region"
  auto_create_subnetworks = true
}
