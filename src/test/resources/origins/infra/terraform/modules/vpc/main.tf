variable "settings" {}

resource "google_compute_network" "main" {
  name                    = "alphintra"
  auto_create_subnetworks = var.settings.auto_create_subnetworks
}

resource "google_compute_subnetwork" "nodes" {
  name                     = "nodes"
  network                  = google_compute_network.main.id
  ip_cidr_range            = var.settings.nodes_cidr
  private_ip_google_access = var.settings.private_google_access

  secondary_ip_range {
    range_name    = "pods"
    ip_cidr_range = var.settings.pods_cidr
  }

  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
  }
}

resource "google_compute_firewall" "ssh" {
  name          = "ssh"
  network       = google_compute_network.main.id
  source_ranges = var.settings.ssh_sources

  allow {
    protocol = "tcp"
    ports    = var.settings.ssh_ports
  }
}

resource "google_compute_router_nat" "nat" {
  name                               = "nat"
  router                             = "router"
  region                             = "us-east4"
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"

  log_config {
    enable = var.settings.nat_logging
    filter = "ERRORS_ONLY"
  }
}
