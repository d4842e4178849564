# Every value here is unsafe; each finding about it must point at its line, not at the child module.
module "platform" {
  source = "../../modules/platform"

  gke_deletion_protection         = false
  gke_logging_service             = "none"
  gke_monitoring_service          = "none"
  gke_datapath_provider           = "LEGACY_DATAPATH"
  gke_network_policy              = false
  gke_remove_default_node_pool    = false
  gke_enable_legacy_abac          = true
  gke_enable_shielded_nodes       = false
  gke_issue_client_certificate    = true
  gke_gcp_public_cidrs_access     = true
  gke_enable_private_nodes        = false
  gke_enable_private_endpoint     = false
  gke_release_channel             = "UNSPECIFIED"
  gke_database_encryption_state   = "DECRYPTED"
  gke_binary_authorization_mode   = "DISABLED"
  gke_workload_pool               = ""
  gke_auto_repair                 = false
  gke_node_service_account        = "default"
  gke_node_metadata               = { "disable-legacy-endpoints" = "false" }
  gke_metadata_mode               = "GCE_METADATA"
  gke_secure_boot                 = false
  cloudsql_deletion_protection    = false
  cloudsql_api_deletion_guard     = false
  cloudsql_availability_type      = "ZONAL"
  cloudsql_backups                = false
  cloudsql_public_ip              = true
  cloudsql_ssl_mode               = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
  cloudsql_admin_network          = "0.0.0.0/0"
  cloudsql_app_password           = "correct-horse-battery-staple"
  cloudsql_flags = {
    log_checkpoints            = "on"
    log_connections            = "off"
    log_disconnections         = "on"
    log_lock_waits             = "on"
    log_temp_files             = "0"
    log_min_duration_statement = "500"
  }
  redis_tier                      = "BASIC"
  redis_auth_enabled              = false
  redis_connect_mode              = "DIRECT_PEERING"
  vpc_auto_create_subnetworks     = true
  vpc_private_google_access       = false
  vpc_ssh_sources                 = ["0.0.0.0/0"]
  vpc_ssh_ports                   = ["22"]
  vpc_nat_logging                 = false
  logs_public_access_prevention   = "inherited"
  logs_uniform_access             = false
  logs_versioning                 = false
  audit_log_retention_days        = 30
  vpc_nodes_cidr                  = "10.30.0.0/20"
  vpc_pods_cidr                   = "10.30.8.0/21"
}
