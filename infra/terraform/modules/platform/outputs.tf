output "network_name" {
  description = "Name of the VPC network."
  value       = module.vpc.network_name
}

output "gke_cluster_name" {
  description = "Name of the GKE cluster (gcloud container clusters get-credentials NAME --location LOCATION)."
  value       = module.gke.cluster_name
}

output "gke_location" {
  description = "Region or zone of the GKE cluster."
  value       = module.gke.location
}

output "gke_private_endpoint_enabled" {
  description = "Whether the Kubernetes API is reachable on its private IP only (then use --internal-ip from inside the VPC)."
  value       = module.gke.private_endpoint_enabled
}

output "workload_identity_service_accounts" {
  description = "Map of platform service to its Google service account email; the Kubernetes overlays annotate each service account with iam.gke.io/gcp-service-account set to exactly this."
  value       = { for service, _ in local.services : service => module.gke.workload_identity_service_accounts[service] }
}

output "cloudsql_private_ip" {
  description = "Private IP of Cloud SQL; PgBouncer in Kubernetes connects to it over TLS."
  value       = module.cloudsql.private_ip_address
}

output "cloudsql_connection_name" {
  description = "Cloud SQL connection name PROJECT:REGION:INSTANCE."
  value       = module.cloudsql.connection_name
}

output "cloudsql_database_name" {
  description = "The platform's database."
  value       = "alphintra"
}

output "cloudsql_app_user" {
  description = "The application's database user."
  value       = "alphintra_app"
}

output "cloudsql_password_secret_ids" {
  description = "Map of database user to the Secret Manager secret ID that holds its password (the ID, not the password)."
  value       = module.cloudsql.password_secret_ids
}

output "redis_host" {
  description = "Private IP of Memorystore's primary endpoint."
  value       = module.memorystore.host
}

output "redis_port" {
  description = "Port of Memorystore's primary endpoint (6378: TLS)."
  value       = module.memorystore.port
}

output "redis_auth_secret_id" {
  description = "Secret Manager secret ID that holds the Redis AUTH string (the ID, not the string)."
  value       = module.memorystore.auth_secret_id
}

output "redis_ca_certificates" {
  description = "PEM CA certificates for verifying Memorystore's TLS certificate."
  value       = module.memorystore.server_ca_certificates
}

output "pubsub_topic_ids" {
  description = "Map of topic name to topic ID."
  value       = module.pubsub.topic_ids
}

output "pubsub_subscription_ids" {
  description = "Map of subscription name to subscription ID."
  value       = module.pubsub.subscription_ids
}

output "audit_log_bucket" {
  description = "The log bucket that keeps the project's audit logs."
  value       = google_logging_project_bucket_config.audit.id
}

output "artifact_registry_repository" {
  description = "Docker path of the project's image repository (REGION-docker.pkg.dev/PROJECT/alphintra)."
  value       = "${google_artifact_registry_repository.images.location}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.images.repository_id}"
}

output "project_id" {
  description = "The environment's Google Cloud project (typed once, in the environment root's module call)."
  value       = var.project_id
}

output "gke_dns_endpoint_enabled" {
  description = "Whether the Kubernetes API is served on the IAM-authenticated DNS endpoint (alphintra cloud kubeconfig then uses --dns-endpoint)."
  value       = module.gke.dns_endpoint_enabled
}

output "gke_dns_endpoint" {
  description = "DNS name of the control plane's IAM-authenticated endpoint, or null."
  value       = module.gke.dns_endpoint
}

output "external_secrets_service_account" {
  description = "Google service account of External Secrets Operator (KSA external-secrets/external-secrets); it may read exactly the secrets of secret_manager_secret_ids."
  value       = module.gke.workload_identity_service_accounts["external-secrets"]
}

output "cert_manager_service_account" {
  description = "Google service account of cert-manager (KSA cert-manager/cert-manager), with roles/dns.admin in the public zone's project for DNS-01."
  value       = module.gke.workload_identity_service_accounts["cert-manager"]
}

output "secret_manager_secret_ids" {
  description = "Secret Manager secret IDs (short IDs, never values) the cluster's ExternalSecrets read, by purpose."
  value = {
    "db-app-password"          = module.cloudsql.password_secret_ids["alphintra_app"]
    "redis-auth"               = module.memorystore.auth_secret_id
    "cloudsql-server-ca"       = module.cloudsql.server_ca_secret_id
    "jwt-signing-key"          = module.secrets.secret_ids["jwt-signing-key"]
    "grafana-admin-password"   = module.secrets.secret_ids["grafana-admin-password"]
    "pgbouncer-stats-password" = module.secrets.secret_ids["pgbouncer-stats-password"]
  }
}

output "cloudsql_server_ca_cert" {
  description = "PEM CA certificate of Cloud SQL's server certificate (public): PgBouncer verifies the server with it."
  value       = module.cloudsql.server_ca_cert
}

output "google_apis_cidr" {
  description = "The range *.googleapis.com resolves to inside the VPC (private.googleapis.com): what NetworkPolicies admit for Pods calling Google APIs."
  value       = module.vpc.google_apis_cidr
}

output "gke_control_plane_cidr" {
  description = "The /28 of the private GKE control plane: the Kubernetes API's address for Pods (443) and the source of its calls to admission webhooks, what the operators' NetworkPolicies admit."
  value       = module.vpc.gke_master_cidr
}

# Never null: Terraform keeps no null root output in its state, and `alphintra cloud outputs` must tell
# "Google Groups for RBAC off" from "the root does not output it".
output "rbac_groups" {
  description = "The groups the Kubernetes RoleBindings name (keys developers, deployers): with Google Groups for RBAC on, alphintra-developers@ and alphintra-deployers@ the security group's domain; off, the bare names, which no Google identity carries, so the bindings grant nothing and access is IAM's alone."
  value = {
    developers = var.rbac_security_group == null ? "alphintra-developers" : "alphintra-developers@${split("@", var.rbac_security_group)[1]}"
    deployers  = var.rbac_security_group == null ? "alphintra-deployers" : "alphintra-deployers@${split("@", var.rbac_security_group)[1]}"
  }
}

# prod's stricter rules: each a precondition, so a plan of prod with a weaker value fails.
output "environment" {
  description = "The environment this platform is (dev, staging or prod)."
  value       = var.environment

  precondition {
    condition     = var.environment != "prod" || can(regex("^[a-z]+-[a-z]+[0-9]+$", var.gke_location))
    error_message = "prod runs a regional cluster: gke_location must be a region, not a zone."
  }
  precondition {
    condition     = var.environment != "prod" || var.gke_enable_private_endpoint
    error_message = "prod keeps the Kubernetes API on its private endpoint."
  }
  precondition {
    condition     = var.environment != "prod" || var.binary_authorization_enforced
    error_message = "prod enforces Binary Authorization; audit mode is for dev and staging."
  }
  precondition {
    condition     = var.environment != "prod" || length(var.binary_authorization_allowed_images) == 0
    error_message = "prod admits only its Artifact Registry and Google's system images."
  }
  precondition {
    condition     = var.environment != "prod" || var.cloudsql_availability_type == "REGIONAL"
    error_message = "prod runs Cloud SQL REGIONAL (standby with automatic failover)."
  }
  precondition {
    condition     = var.environment != "prod" || var.redis_tier == "STANDARD_HA"
    error_message = "prod runs Memorystore STANDARD_HA (replica with automatic failover)."
  }
}
