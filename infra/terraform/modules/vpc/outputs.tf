output "network_name" {
  description = "Name of the VPC network."
  value       = google_compute_network.main.name
}

output "network_id" {
  description = "ID of the VPC network (projects/PROJECT/global/networks/NAME), as Cloud SQL's private_network and Memorystore's authorized_network expect it."
  value       = google_compute_network.main.id
}

output "network_self_link" {
  description = "Self link of the VPC network."
  value       = google_compute_network.main.self_link
}

output "nodes_subnet_name" {
  description = "Name of the private subnet for GKE nodes."
  value       = google_compute_subnetwork.nodes.name
}

output "nodes_subnet_id" {
  description = "ID of the private subnet for GKE nodes."
  value       = google_compute_subnetwork.nodes.id
}

output "nodes_subnet_self_link" {
  description = "Self link of the private subnet for GKE nodes, as google_container_cluster's subnetwork expects it."
  value       = google_compute_subnetwork.nodes.self_link
}

output "nodes_cidr" {
  description = "Primary range of the nodes subnet."
  value       = google_compute_subnetwork.nodes.ip_cidr_range
}

output "pods_range_name" {
  description = "Name of the nodes subnet's secondary range for Pods (ip_allocation_policy.cluster_secondary_range_name)."
  value       = local.pods_range_name
}

output "services_range_name" {
  description = "Name of the nodes subnet's secondary range for Services (ip_allocation_policy.services_secondary_range_name)."
  value       = local.services_range_name
}

output "load_balancer_subnet_name" {
  description = "Name of the subnet for internal load-balancer frontends (the networking.gke.io/internal-load-balancer-subnet annotation takes it)."
  value       = google_compute_subnetwork.load_balancers.name
}

output "load_balancer_subnet_self_link" {
  description = "Self link of the subnet for internal load-balancer frontends."
  value       = google_compute_subnetwork.load_balancers.self_link
}

output "private_service_access_range_name" {
  description = "Name of the private services access allocation (Cloud SQL's allocated_ip_range, Memorystore's reserved_ip_range). Available only once the service networking peering exists, so consumers wait for it."
  value       = google_compute_global_address.private_services.name
  # Consumers are created after the peering exists and destroyed before it is removed.
  depends_on = [google_service_networking_connection.private_services, terraform_data.remove_private_services_peering]
}

output "private_service_access_cidr" {
  description = "CIDR of the private services access allocation."
  value       = var.private_service_access_cidr
}

output "gke_master_cidr" {
  description = "The /28 reserved for the private GKE control plane (private_cluster_config.master_ipv4_cidr_block)."
  value       = var.gke_master_cidr
}

output "gke_node_tag" {
  description = "Network tag GKE node pools must carry for the control-plane webhook rule to reach them."
  value       = var.gke_node_tag
}

output "router_name" {
  description = "Name of the Cloud Router that carries Cloud NAT."
  value       = google_compute_router.nat.name
}

output "nat_name" {
  description = "Name of the Cloud NAT gateway for private nodes' egress."
  value       = google_compute_router_nat.egress.name
}

output "google_apis_cidr" {
  description = "The range *.googleapis.com resolves to inside the VPC (private.googleapis.com, 199.36.153.8/30): what a NetworkPolicy admits for Pods that call Google APIs."
  value       = local.private_google_apis_cidr
}
