output "cluster_name" {
  description = "Name of the GKE cluster."
  value       = google_container_cluster.primary.name
}

output "cluster_id" {
  description = "ID of the GKE cluster (projects/P/locations/L/clusters/N)."
  value       = google_container_cluster.primary.id
}

output "location" {
  description = "Region or zone of the cluster, as `gcloud container clusters get-credentials --location` expects it."
  value       = google_container_cluster.primary.location
}

output "endpoint" {
  description = "IP of the Kubernetes API endpoint (the private one when the private endpoint is on)."
  value       = google_container_cluster.primary.endpoint
  sensitive   = true
}

output "dns_endpoint" {
  description = "DNS name of the control plane's IAM-authenticated endpoint (null when dns_endpoint_enabled is false); kubectl reaches it from anywhere with `gcloud container clusters get-credentials --dns-endpoint`."
  value       = var.dns_endpoint_enabled ? google_container_cluster.primary.control_plane_endpoints_config[0].dns_endpoint_config[0].endpoint : null
}

output "dns_endpoint_enabled" {
  description = "Whether the IAM-authenticated DNS endpoint accepts traffic from outside the VPC."
  value       = var.dns_endpoint_enabled
}

output "private_endpoint_enabled" {
  description = "Whether the Kubernetes API is reachable only on its private IP."
  value       = var.enable_private_endpoint
}

output "ca_certificate" {
  description = "Base64 cluster CA certificate, for kubeconfig."
  value       = google_container_cluster.primary.master_auth[0].cluster_ca_certificate
  sensitive   = true
}

output "workload_pool" {
  description = "Workload Identity pool of the cluster (PROJECT.svc.id.goog)."
  value       = "${var.project_id}.svc.id.goog"
}

output "node_service_account_email" {
  description = "Email of the least-privilege node service account."
  value       = google_service_account.nodes.email
}

output "secrets_encryption_key" {
  description = "Cloud KMS key that encrypts Kubernetes Secrets in etcd."
  value       = var.database_encryption_key_name
}

output "workload_identity_service_accounts" {
  description = "Map of platform service name to its Google service account email, for the iam.gke.io/gcp-service-account annotation."
  value       = { for service, account in google_service_account.workload : service => account.email }
}

output "workload_identity_members" {
  description = "Map of platform service name to its IAM member string (serviceAccount:EMAIL), for resource-level grants."
  value       = { for service, account in google_service_account.workload : service => account.member }
}
