# Declared here so terraform.tfvars can set them; types, defaults, descriptions and validations are in
# ../../modules/platform/variables.tf.
variable "project_id" {}
variable "region" {}
variable "network_plan" {}
variable "gke_location" {}
variable "gke_enable_private_endpoint" {}
variable "gke_master_authorized_networks" {}
variable "gke_release_channel" {}
variable "binary_authorization_enforced" {}
variable "binary_authorization_allowed_images" {}
variable "gke_general_node_pool" {}
variable "gke_analytics_node_pool" {}
variable "deletion_protection" { default = null }
variable "cloudsql_tier" {}
variable "cloudsql_availability_type" {}
variable "cloudsql_disk_size_gb" {}
variable "cloudsql_retained_backups" {}
variable "cloudsql_max_connections" {}
variable "redis_tier" {}
variable "redis_memory_size_gb" {}
variable "audit_log_retention_days" {}
variable "audit_log_bucket_locked" {}
