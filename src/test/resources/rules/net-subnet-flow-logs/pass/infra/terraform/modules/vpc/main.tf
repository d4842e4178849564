resource "google_compute_subnetwork" "nodes" {
  name                     = "nodes"
  network                  = "main"
  ip_cidr_range            = "10.0.0.0/20"
  private_ip_google_access = true

  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = 0.5
    metadata             = "INCLUDE_ALL_METADATA"
  }
}

# Proxy-only subnets do not support flow logs.
resource "google_compute_subnetwork" "proxy" {
  name          = "proxy"
  network       = "main"
  ip_cidr_range = "10.0.16.0/23"
  purpose       = "REGIONAL_MANAGED_PROXY"
  role          = "ACTIVE"
}
