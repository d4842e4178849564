output "subnet_cidrs" {
  description = "CIDR per subnet name."
  value       = local.subnets
}

output "network_id" {
  description = "Network id (known only after apply)."
  value       = google_compute_network.this.id
}
