# The composition: passes the root's values on to each child module, mostly inside objects.
variable "gke_deletion_protection" {}
variable "gke_logging_service" {}
variable "gke_monitoring_service" {}
variable "gke_datapath_provider" {}
variable "gke_network_policy" {}
variable "gke_remove_default_node_pool" {}
variable "gke_enable_legacy_abac" {}
variable "gke_enable_shielded_nodes" {}
variable "gke_issue_client_certificate" {}
variable "gke_gcp_public_cidrs_access" {}
variable "gke_enable_private_nodes" {}
variable "gke_enable_private_endpoint" {}
variable "gke_release_channel" {}
variable "gke_database_encryption_state" {}
variable "gke_binary_authorization_mode" {}
variable "gke_workload_pool" {}
variable "gke_auto_repair" {}
variable "gke_node_service_account" {}
variable "gke_node_metadata" {}
variable "gke_metadata_mode" {}
variable "gke_secure_boot" {}
variable "cloudsql_deletion_protection" {}
variable "cloudsql_api_deletion_guard" {}
variable "cloudsql_availability_type" {}
variable "cloudsql_backups" {}
variable "cloudsql_public_ip" {}
variable "cloudsql_ssl_mode" {}
variable "cloudsql_admin_network" {}
variable "cloudsql_app_password" {}
variable "cloudsql_flags" {}
variable "redis_tier" {}
variable "redis_auth_enabled" {}
variable "redis_connect_mode" {}
variable "vpc_auto_create_subnetworks" {}
variable "vpc_private_google_access" {}
variable "vpc_ssh_sources" {}
variable "vpc_ssh_ports" {}
variable "vpc_nat_logging" {}
variable "logs_public_access_prevention" {}
variable "logs_uniform_access" {}
variable "logs_versioning" {}
variable "audit_log_retention_days" {}
variable "vpc_nodes_cidr" {}
variable "vpc_pods_cidr" {}

# Not set by the root: this default is the line that causes the finding.
variable "redis_transit_encryption_mode" {
  default = "DISABLED"
}

module "gke" {
  source = "../gke"

  settings = {
    deletion_protection             = var.gke_deletion_protection
    logging_service                 = var.gke_logging_service
    monitoring_service              = var.gke_monitoring_service
    datapath_provider               = var.gke_datapath_provider
    network_policy                  = var.gke_network_policy
    remove_default_node_pool        = var.gke_remove_default_node_pool
    enable_legacy_abac              = var.gke_enable_legacy_abac
    enable_shielded_nodes           = var.gke_enable_shielded_nodes
    issue_client_certificate        = var.gke_issue_client_certificate
    gcp_public_cidrs_access_enabled = var.gke_gcp_public_cidrs_access
    enable_private_nodes            = var.gke_enable_private_nodes
    enable_private_endpoint         = var.gke_enable_private_endpoint
    release_channel                 = var.gke_release_channel
    database_encryption_state       = var.gke_database_encryption_state
    binary_authorization_mode       = var.gke_binary_authorization_mode
    workload_pool                   = var.gke_workload_pool
  }
  node_pool = {
    auto_repair     = var.gke_auto_repair
    service_account = var.gke_node_service_account
    metadata        = var.gke_node_metadata
    metadata_mode   = var.gke_metadata_mode
    secure_boot     = var.gke_secure_boot
  }
}

module "cloudsql" {
  source = "../cloudsql"

  settings = {
    deletion_protection         = var.cloudsql_deletion_protection
    deletion_protection_enabled = var.cloudsql_api_deletion_guard
    availability_type           = var.cloudsql_availability_type
    backups                     = var.cloudsql_backups
    public_ip                   = var.cloudsql_public_ip
    ssl_mode                    = var.cloudsql_ssl_mode
    password                    = var.cloudsql_app_password
  }
  admin_network = var.cloudsql_admin_network
  flags         = var.cloudsql_flags
}

module "memorystore" {
  source = "../memorystore"

  settings = {
    tier                    = var.redis_tier
    auth_enabled            = var.redis_auth_enabled
    connect_mode            = var.redis_connect_mode
    transit_encryption_mode = var.redis_transit_encryption_mode
  }
}

module "vpc" {
  source = "../vpc"

  settings = {
    auto_create_subnetworks = var.vpc_auto_create_subnetworks
    private_google_access   = var.vpc_private_google_access
    ssh_sources             = var.vpc_ssh_sources
    ssh_ports               = var.vpc_ssh_ports
    nat_logging             = var.vpc_nat_logging
    nodes_cidr              = var.vpc_nodes_cidr
    pods_cidr               = var.vpc_pods_cidr
  }
}

module "storage" {
  source = "../storage"

  settings = {
    public_access_prevention = var.logs_public_access_prevention
    uniform_access           = var.logs_uniform_access
    versioning               = var.logs_versioning
  }
}

resource "google_logging_project_bucket_config" "audit" {
  project        = "alphintra-prod"
  location       = "global"
  bucket_id      = "audit"
  retention_days = var.audit_log_retention_days
}

resource "google_logging_project_sink" "audit" {
  name        = "audit"
  destination = "logging.googleapis.com/${google_logging_project_bucket_config.audit.id}"
  filter      = "logName:\"cloudaudit.googleapis.com\""
}
