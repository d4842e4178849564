locals {
  subnets = {
    for i, name in var.subnet_names : name => cidrsubnet(var.cidr, var.newbits, i)
  }
}

resource "google_compute_network" "this" {
  name                    = "${var.name}-vpc"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "this" {
  for_each      = local.subnets
  name          = each.key
  ip_cidr_range = each.value
  network       = google_compute_network.this.id
}
