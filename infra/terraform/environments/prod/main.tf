# The prod environment: the platform module with this environment's values (terraform.tfvars).
module "platform" {
  source = "../../modules/platform"

  environment                         = "prod"
  project_id                          = var.project_id
  region                              = var.region
  network_plan                        = var.network_plan
  gke_location                        = var.gke_location
  gke_enable_private_endpoint         = var.gke_enable_private_endpoint
  gke_master_authorized_networks      = var.gke_master_authorized_networks
  gke_release_channel                 = var.gke_release_channel
  binary_authorization_enforced       = var.binary_authorization_enforced
  binary_authorization_allowed_images = var.binary_authorization_allowed_images
  gke_general_node_pool               = var.gke_general_node_pool
  gke_analytics_node_pool             = var.gke_analytics_node_pool
  deletion_protection                 = var.deletion_protection
  cloudsql_tier                       = var.cloudsql_tier
  cloudsql_availability_type          = var.cloudsql_availability_type
  cloudsql_disk_size_gb               = var.cloudsql_disk_size_gb
  cloudsql_retained_backups           = var.cloudsql_retained_backups
  cloudsql_max_connections            = var.cloudsql_max_connections
  redis_tier                          = var.redis_tier
  redis_memory_size_gb                = var.redis_memory_size_gb
  audit_log_retention_days            = var.audit_log_retention_days
  audit_log_bucket_locked             = var.audit_log_bucket_locked
}
