# A custom-mode VPC for one environment. PHASE-2.md's "private / public / database subnets" map onto
# Google Cloud like this (the README explains why):
#   private  -> google_compute_subnetwork.nodes: GKE nodes, with secondary ranges for Pods and Services
#   public   -> google_compute_subnetwork.load_balancers: internal load-balancer frontends; internet-facing
#               load balancers use Google front-end IPs, not a subnet, so nothing here has a public IP
#   database -> google_compute_global_address.private_services + the service networking peering: a
#               private services access range where Cloud SQL and Memorystore take their private IPs

locals {
  pods_range_name     = "${var.network_name}-pods"
  services_range_name = "${var.network_name}-services"

  # Google's documented source range for IAP TCP forwarding; the only source SSH is allowed from.
  iap_tcp_forwarding_cidr = "35.235.240.0/20"

  # private.googleapis.com: Google's documented Private Google Access range for most Google APIs.
  private_google_apis_cidr = "199.36.153.8/30"
}

resource "google_compute_network" "main" {
  project = var.project_id
  name    = var.network_name
  # Custom mode: no auto subnets in every region, only the ranges planned in the CIDR table.
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
  # The default 0.0.0.0/0 route to the internet gateway is kept: Cloud NAT needs it for private nodes' egress.
  delete_default_routes_on_create = false
}

resource "google_compute_subnetwork" "nodes" {
  project       = var.project_id
  name          = "${var.network_name}-nodes"
  region        = var.region
  network       = google_compute_network.main.id
  ip_cidr_range = var.nodes_cidr
  # Nodes have no external IPs; Private Google Access lets them reach Google APIs anyway.
  private_ip_google_access = true

  secondary_ip_range {
    range_name    = local.pods_range_name
    ip_cidr_range = var.pods_cidr
  }

  secondary_ip_range {
    range_name    = local.services_range_name
    ip_cidr_range = var.services_cidr
  }

  # Flow logs on every subnet: the network record an incident investigation starts from.
  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = var.flow_log_sampling
    metadata             = "INCLUDE_ALL_METADATA"
  }
}

resource "google_compute_subnetwork" "load_balancers" {
  project       = var.project_id
  name          = "${var.network_name}-load-balancers"
  region        = var.region
  network       = google_compute_network.main.id
  ip_cidr_range = var.load_balancer_cidr
  # Private Google Access on every subnet, so nothing placed here ever needs an external IP.
  private_ip_google_access = true

  # Flow logs on every subnet: the network record an incident investigation starts from.
  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = var.flow_log_sampling
    metadata             = "INCLUDE_ALL_METADATA"
  }
}

# The "database subnet": a range reserved for private services access. Cloud SQL and Memorystore
# live in Google's producer network and get private IPs from this range over VPC peering.
resource "google_compute_global_address" "private_services" {
  project       = var.project_id
  name          = "${var.network_name}-private-services"
  purpose       = "VPC_PEERING"
  address_type  = "INTERNAL"
  ip_version    = "IPV4"
  address       = split("/", var.private_service_access_cidr)[0]
  prefix_length = tonumber(split("/", var.private_service_access_cidr)[1])
  network       = google_compute_network.main.id
}

resource "google_service_networking_connection" "private_services" {
  network                 = google_compute_network.main.id
  service                 = "servicenetworking.googleapis.com"
  reserved_peering_ranges = [google_compute_global_address.private_services.name]
  # Service Networking refuses to delete the connection for days after Cloud SQL or Memorystore
  # instances are gone (it keeps their producer resources for restores): on destroy Terraform forgets
  # it, and terraform_data.remove_private_services_peering removes the VPC peering it made.
  deletion_policy = "ABANDON"
  # A network created again under the same name finds the old connection still recorded by Service
  # Networking: update it instead of failing, so destroy-then-apply works.
  update_on_creation_fail = true
}

# On destroy, after Cloud SQL and Memorystore (they depend on it through the
# private_service_access_range_name output): remove the peering the abandoned connection left on our
# network, which would otherwise block deleting the network. Runs gcloud with the application-default
# credentials' token, the identity Terraform runs as; a peering already gone is not an error.
resource "terraform_data" "remove_private_services_peering" {
  input = {
    project = var.project_id
    network = google_compute_network.main.name
    peering = google_service_networking_connection.private_services.peering
  }

  provisioner "local-exec" {
    when        = destroy
    interpreter = ["bash", "-c"]
    command     = <<-EOT
      set -euo pipefail
      umask 077
      token_file="$(mktemp)"
      trap 'rm -f "$token_file"' EXIT
      gcloud auth application-default print-access-token > "$token_file"
      if gcloud compute networks peerings delete "$PEERING" --network="$NETWORK" --project="$PROJECT" \
          --access-token-file="$token_file" --quiet; then
        exit 0
      fi
      remaining="$(gcloud compute networks describe "$NETWORK" --project="$PROJECT" \
          --access-token-file="$token_file" --format='value(peerings[].name)' || true)"
      case ";$remaining;" in
        *";$PEERING;"*) echo "the peering $PEERING is still on $NETWORK; remove it and destroy again" >&2; exit 1 ;;
      esac
    EOT
    environment = {
      PROJECT = self.input.project
      NETWORK = self.input.network
      PEERING = self.input.peering
    }
  }
}

resource "google_compute_router" "nat" {
  project = var.project_id
  name    = "${var.network_name}-router"
  region  = var.region
  network = google_compute_network.main.id
}

resource "google_compute_router_nat" "egress" {
  project = var.project_id
  name    = "${var.network_name}-nat"
  region  = var.region
  router  = google_compute_router.nat.name
  # Private nodes and Pods reach the internet (image pulls outside Artifact Registry, market-data
  # vendors) only through NAT, never through external IPs of their own.
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "LIST_OF_SUBNETWORKS"
  enable_dynamic_port_allocation     = true
  min_ports_per_vm                   = var.nat_min_ports_per_vm

  subnetwork {
    name                    = google_compute_subnetwork.nodes.id
    source_ip_ranges_to_nat = ["ALL_IP_RANGES"]
  }

  # Logged, errors only: dropped connections from port exhaustion show up without logging every flow.
  log_config {
    enable = true
    filter = "ERRORS_ONLY"
  }
}

# Least-privilege ingress. GKE adds its own rules for the control plane (443, 10250) and for load
# balancer health checks; everything else not allowed below hits the logged deny at the bottom.

resource "google_compute_firewall" "allow_internal" {
  project     = var.project_id
  name        = "${var.network_name}-allow-internal"
  network     = google_compute_network.main.id
  description = "Traffic between our own ranges: nodes, Pods and internal load balancers."
  direction   = "INGRESS"
  priority    = 1000
  source_ranges = [
    var.nodes_cidr,
    var.pods_cidr,
    var.load_balancer_cidr,
  ]

  allow {
    protocol = "tcp"
  }

  allow {
    protocol = "udp"
  }

  allow {
    protocol = "icmp"
  }
}

resource "google_compute_firewall" "allow_iap_ssh" {
  project     = var.project_id
  name        = "${var.network_name}-allow-iap-ssh"
  network     = google_compute_network.main.id
  description = "SSH only through Identity-Aware Proxy, only to instances tagged for it."
  direction   = "INGRESS"
  priority    = 1000
  # Only IAP's forwarding range: SSH is never open to the internet.
  source_ranges = [local.iap_tcp_forwarding_cidr]
  target_tags   = [var.iap_ssh_tag]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

resource "google_compute_firewall" "allow_master_webhooks" {
  project     = var.project_id
  name        = "${var.network_name}-allow-master-webhooks"
  network     = google_compute_network.main.id
  description = "GKE control plane to nodes on admission-webhook ports (Istio 15017 among them)."
  direction   = "INGRESS"
  priority    = 1000
  # Only the private cluster's control-plane /28, only to GKE nodes, only on the listed ports.
  source_ranges = [var.gke_master_cidr]
  target_tags   = [var.gke_node_tag]

  allow {
    protocol = "tcp"
    ports    = var.gke_webhook_ports
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

resource "google_compute_firewall" "deny_all_ingress" {
  project     = var.project_id
  name        = "${var.network_name}-deny-all-ingress"
  network     = google_compute_network.main.id
  description = "Logged default deny: makes the implied deny visible in firewall logs."
  direction   = "INGRESS"
  # Just above the implied deny (65535), below every allow rule.
  priority      = 65534
  source_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# --- Google APIs over private.googleapis.com ------------------------------------------------------

# A private zone on this VPC answers *.googleapis.com with private.googleapis.com, whose four addresses
# (199.36.153.8/30) Google announces only for Private Google Access. Pods then reach Secret Manager,
# Pub/Sub and IAM on one small, fixed range, so a NetworkPolicy can admit exactly that range instead of
# every public IP Google uses. The default route to the internet gateway carries it; nothing leaves Google's
# network.
resource "google_dns_managed_zone" "googleapis" {
  project     = var.project_id
  name        = "${var.network_name}-googleapis"
  dns_name    = "googleapis.com."
  description = "*.googleapis.com -> private.googleapis.com (Private Google Access VIP) inside ${var.network_name}."
  visibility  = "private"

  private_visibility_config {
    networks {
      network_url = google_compute_network.main.id
    }
  }
}

resource "google_dns_record_set" "private_googleapis" {
  project      = var.project_id
  managed_zone = google_dns_managed_zone.googleapis.name
  name         = "private.googleapis.com."
  type         = "A"
  ttl          = 300
  rrdatas      = [for i in range(4) : cidrhost(local.private_google_apis_cidr, i)]
}

resource "google_dns_record_set" "googleapis_wildcard" {
  project      = var.project_id
  managed_zone = google_dns_managed_zone.googleapis.name
  name         = "*.googleapis.com."
  type         = "CNAME"
  ttl          = 300
  rrdatas      = ["private.googleapis.com."]
}
