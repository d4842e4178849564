resource "google_compute_subnetwork" "nodes" {
  name                     = "nodes"
  network                  = "main"
  ip_cidr_range            = "10.0.0.0/20"
  private_ip_google_access = false
}

resource "google_compute_subnetwork" "load_balancers" {
  name          = "load-balancers"
  network       = "main"
  ip_cidr_range = "10.0.16.0/24"
}
