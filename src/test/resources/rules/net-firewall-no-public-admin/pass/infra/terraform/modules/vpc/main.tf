# SSH only from Identity-Aware Proxy's range.
resource "google_compute_firewall" "iap_ssh" {
  name          = "allow-iap-ssh"
  network       = "main"
  direction     = "INGRESS"
  source_ranges = ["35.235.240.0/20"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

# HTTPS from anywhere is not an administrative port.
resource "google_compute_firewall" "https" {
  name          = "allow-https"
  network       = "main"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["443"]
  }
}

# A deny from anywhere opens nothing.
resource "google_compute_firewall" "deny_all" {
  name          = "deny-all"
  network       = "main"
  priority      = 65534
  source_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }
}

# Egress rules do not let anything in.
resource "google_compute_firewall" "egress" {
  name               = "allow-egress"
  network            = "main"
  direction          = "EGRESS"
  destination_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "all"
  }
}
