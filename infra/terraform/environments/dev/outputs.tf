output "network_name" {
  description = "Name of the VPC network."
  value       = module.platform.network_name
}

output "gke_cluster_name" {
  description = "Name of the GKE cluster (gcloud container clusters get-credentials NAME --location LOCATION)."
  value       = module.platform.gke_cluster_name
}

output "gke_location" {
  description = "Region or zone of the GKE cluster."
  value       = module.platform.gke_location
}

output "gke_private_endpoint_enabled" {
  description = "Whether the Kubernetes API is reachable on its private IP only (then use --internal-ip from inside the VPC)."
  value       = module.platform.gke_private_endpoint_enabled
}

output "workload_identity_service_accounts" {
  description = "Map of platform service to its Google service account email; the Kubernetes overlays annotate each service account with iam.gke.io/gcp-service-account set to exactly this."
  value       = module.platform.workload_identity_service_accounts
}

output "cloudsql_private_ip" {
  description = "Private IP of Cloud SQL; PgBouncer in Kubernetes connects to it over TLS."
  value       = module.platform.cloudsql_private_ip
}

output "cloudsql_connection_name" {
  description = "Cloud SQL connection name PROJECT:REGION:INSTANCE."
  value       = module.platform.cloudsql_connection_name
}

output "cloudsql_database_name" {
  description = "The platform's database."
  value       = module.platform.cloudsql_database_name
}

output "cloudsql_app_user" {
  description = "The application's database user."
  value       = module.platform.cloudsql_app_user
}

output "cloudsql_password_secret_ids" {
  description = "Map of database user to the Secret Manager secret ID that holds its password (the ID, not the password)."
  value       = module.platform.cloudsql_password_secret_ids
}

output "redis_host" {
  description = "Private IP of Memorystore's primary endpoint."
  value       = module.platform.redis_host
}

output "redis_port" {
  description = "Port of Memorystore's primary endpoint (6378: TLS)."
  value       = module.platform.redis_port
}

output "redis_auth_secret_id" {
  description = "Secret Manager secret ID that holds the Redis AUTH string (the ID, not the string)."
  value       = module.platform.redis_auth_secret_id
}

output "redis_ca_certificates" {
  description = "PEM CA certificates for verifying Memorystore's TLS certificate."
  value       = module.platform.redis_ca_certificates
}

output "pubsub_topic_ids" {
  description = "Map of topic name to topic ID."
  value       = module.platform.pubsub_topic_ids
}

output "pubsub_subscription_ids" {
  description = "Map of subscription name to subscription ID."
  value       = module.platform.pubsub_subscription_ids
}

output "audit_log_bucket" {
  description = "The log bucket that keeps the project's audit logs."
  value       = module.platform.audit_log_bucket
}

output "artifact_registry_repository" {
  description = "Docker path of the project's image repository (REGION-docker.pkg.dev/PROJECT/alphintra)."
  value       = module.platform.artifact_registry_repository
}
