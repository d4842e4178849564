resource "google_compute_firewall" "ssh" {
  name          = "allow-ssh"
  network       = "main"
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["22", "3000-3400"]
  }
}

resource "google_compute_firewall" "everything" {
  name          = "allow-everything"
  network       = "main"
  source_ranges = var.open_ranges

  allow {
    protocol = "all"
  }

  allow {
    protocol = "udp"
  }
}

variable "open_ranges" {
  type    = list(string)
  default = ["10.0.0.0/8", "::/0"]
}
