# The staging environment: the platform module with this environment's values, each set once, here.
# prod's shape (regional, HA) at a smaller size, so failover and upgrades are rehearsed. Non-secret
# values only. What each input means, and the defaults of those not set here:
# ../../modules/platform/variables.tf.
module "platform" {
  source = "../../modules/platform"

  environment = "staging"
  project_id  = "alphintra-staging"
  region      = "us-east4"

  network_plan = {
    nodes_cidr                  = "10.20.0.0/20"
    load_balancer_cidr          = "10.20.16.0/24"
    private_service_access_cidr = "10.20.32.0/20"
    gke_master_cidr             = "10.20.48.0/28"
    pods_cidr                   = "10.21.0.0/17"
    services_cidr               = "10.21.128.0/20"
  }

  # Regional cluster: control plane and nodes in three zones; API on its private endpoint only.
  gke_location = "us-east4"
  gke_master_authorized_networks = [
    { cidr_block = "10.100.0.0/24", display_name = "corporate VPN (example)" },
  ]

  # Audit mode: staging shows what prod's enforcement would refuse.
  binary_authorization_enforced = false

  gke_general_node_pool = {
    machine_type   = "e2-standard-4"
    min_node_count = 1
    max_node_count = 2
  }

  gke_analytics_node_pool = {
    machine_type   = "n2-highmem-4"
    min_node_count = 0
    max_node_count = 1
  }

  cloudsql_tier              = "db-custom-4-15360"
  cloudsql_availability_type = "REGIONAL"
  cloudsql_disk_size_gb      = 50
  cloudsql_retained_backups  = 14
  cloudsql_max_connections   = 200

  redis_tier           = "STANDARD_HA"
  redis_memory_size_gb = 2

  audit_log_retention_days = 365
}
