resource "google_compute_subnetwork" "nodes" {
  name                     = "nodes"
  network                  = "main"
  ip_cidr_range            = "10.0.0.0/20"
  private_ip_google_access = true
}
