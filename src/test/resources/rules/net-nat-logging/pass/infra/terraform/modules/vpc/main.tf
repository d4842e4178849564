resource "google_compute_router_nat" "egress" {
  name                               = "egress"
  router                             = "router"
  region                             = "us-east4"
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"

  log_config {
    enable = true
    filter = "ERRORS_ONLY"
  }
}
