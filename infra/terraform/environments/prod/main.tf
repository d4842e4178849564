# The prod environment: the platform module with this environment's values, each set once, here.
# Regional, highly available, enforced Binary Authorization. Non-secret values only. What each input
# means, and the defaults of those not set here: ../../modules/platform/variables.tf.
module "platform" {
  source = "../../modules/platform"

  environment = "prod"
  project_id  = "alphintra-prod"
  region      = "us-east4"

  network_plan = {
    nodes_cidr                  = "10.30.0.0/20"
    load_balancer_cidr          = "10.30.16.0/24"
    private_service_access_cidr = "10.30.32.0/20"
    gke_master_cidr             = "10.30.48.0/28"
    pods_cidr                   = "10.31.0.0/17"
    services_cidr               = "10.31.128.0/20"
  }

  # Regional cluster: control plane and nodes in three zones; API on its private endpoint only.
  gke_location = "us-east4"
  gke_master_authorized_networks = [
    { cidr_block = "10.100.0.0/24", display_name = "corporate VPN (example)" },
  ]

  # Enforced: only images from the project's Artifact Registry (ours, and the third-party ones
  # `alphintra cloud images` mirrors under mirror/) and Google's GKE system images run. No public
  # registry is admitted: the module refuses a prod with binary_authorization_allowed_images set.
  binary_authorization_enforced = true

  gke_general_node_pool = {
    machine_type   = "n2-standard-8"
    min_node_count = 1
    max_node_count = 4
    disk_size_gb   = 200
  }

  gke_analytics_node_pool = {
    machine_type   = "n2-highmem-8"
    min_node_count = 0
    max_node_count = 2
    disk_size_gb   = 200
  }

  cloudsql_tier              = "db-custom-8-32768"
  cloudsql_availability_type = "REGIONAL"
  cloudsql_disk_size_gb      = 200
  cloudsql_retained_backups  = 30
  cloudsql_max_connections   = 400

  redis_tier           = "STANDARD_HA"
  redis_memory_size_gb = 5

  # 7 years, the upper end of what SEC 17a-4 / MiFID II record keeping usually needs; compliance decides.
  # The bucket stays unlocked (the module default) until compliance decides to lock it.
  audit_log_retention_days = 2555
}
