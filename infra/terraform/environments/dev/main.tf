# The dev environment: the platform module with this environment's values, each set once, here.
# Smallest footprint, one zone, no HA; the same security settings as prod. Non-secret values only.
# What each input means, and the defaults of those not set here: ../../modules/platform/variables.tf.
module "platform" {
  source = "../../modules/platform"

  environment = "dev"
  project_id  = "alphintra-dev"
  region      = "us-east4"

  network_plan = {
    nodes_cidr                  = "10.10.0.0/20"
    load_balancer_cidr          = "10.10.16.0/24"
    private_service_access_cidr = "10.10.32.0/20"
    gke_master_cidr             = "10.10.48.0/28"
    pods_cidr                   = "10.11.0.0/17"
    services_cidr               = "10.11.128.0/20"
  }

  # Zonal cluster: one control plane, one zone of nodes; API on its private endpoint only.
  gke_location = "us-east4-a"
  gke_master_authorized_networks = [
    { cidr_block = "10.100.0.0/24", display_name = "corporate VPN (example)" },
  ]

  # Audit mode: images outside the allowed registries are logged, not blocked.
  binary_authorization_enforced = false

  gke_general_node_pool = {
    machine_type   = "e2-standard-4"
    min_node_count = 1
    max_node_count = 3
  }

  gke_analytics_node_pool = {
    machine_type   = "n2-highmem-4"
    min_node_count = 0
    max_node_count = 1
  }

  cloudsql_tier              = "db-custom-2-7680"
  cloudsql_availability_type = "ZONAL"
  cloudsql_disk_size_gb      = 20
  cloudsql_retained_backups  = 7
  cloudsql_max_connections   = 100

  redis_tier           = "BASIC"
  redis_memory_size_gb = 1

  audit_log_retention_days = 30
}
