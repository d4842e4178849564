# VPC with one subnet per region and secondary ranges for GKE pods and services.
locals {
  # Flatten the subnet plan into one map keyed by "<region>/<name>".
  subnets = {
    for s in var.subnets : "${s.region}/${s.name}" => s
  }

  secondary_ranges = merge([
    for key, s in local.subnets : {
      for r in try(s.secondary_ranges, []) : "${key}/${r.range_name}" => merge(r, { subnet = key })
    }
  ]...)

  flow_log_regions = toset([for s in var.subnets : s.region if s.flow_logs])
  labels           = merge(var.labels, { managed-by = "terraform", module = "vpc" })
}

resource "google_compute_network" "this" {
  name                            = var.network_name
  project                         = var.project_id
  auto_create_subnetworks         = false
  routing_mode                    = var.routing_mode == "GLOBAL" ? "GLOBAL" : "REGIONAL"
  delete_default_routes_on_create = true
  mtu                             = var.mtu
}

resource "google_compute_subnetwork" "this" {
  for_each = local.subnets

  name                     = each.value.name
  project                  = var.project_id
  region                   = each.value.region
  network                  = google_compute_network.this.id
  ip_cidr_range            = each.value.cidr
  private_ip_google_access = true

  dynamic "secondary_ip_range" {
    for_each = try(each.value.secondary_ranges, [])
    iterator = range
    content {
      range_name    = range.value.range_name
      ip_cidr_range = range.value.cidr
    }
  }

  dynamic "log_config" {
    for_each = contains(local.flow_log_regions, each.value.region) ? [1] : []
    content {
      aggregation_interval = "INTERVAL_5_SEC"
      flow_sampling        = 0.5
      metadata             = "INCLUDE_ALL_METADATA"
    }
  }
}

resource "google_compute_router" "nat" {
  count   = var.enable_nat ? length(distinct([for s in var.subnets : s.region])) : 0
  name    = "${var.network_name}-router-${count.index}"
  project = var.project_id
  region  = distinct([for s in var.subnets : s.region])[count.index]
  network = google_compute_network.this.id

  bgp {
    asn = 64514
  }
}

resource "google_compute_router_nat" "nat" {
  count                              = length(google_compute_router.nat)
  name                               = "${google_compute_router.nat[count.index].name}-nat"
  router                             = google_compute_router.nat[count.index].name
  region                             = google_compute_router.nat[count.index].region
  project                            = var.project_id
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"

  log_config {
    enable = true
    filter = "ERRORS_ONLY"
  }
}

resource "google_compute_firewall" "deny_all_ingress" {
  name      = "${var.network_name}-deny-all-ingress"
  network   = google_compute_network.this.name
  project   = var.project_id
  direction = "INGRESS"
  priority  = 65534

  deny {
    protocol = "all"
  }

  source_ranges = ["0.0.0.0/0"]
}
