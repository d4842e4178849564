# A private, VPC-native GKE Standard cluster hardened along the lines of terraform-google-modules'
# safer-cluster. Each security setting carries a one-line why.

locals {
  labels = merge(var.labels, {
    environment = var.environment
    managed-by  = "terraform"
  })

  # Only the roles nodes need to run and report; never roles/editor (the default compute SA's).
  node_roles = toset([
    "roles/logging.logWriter",
    "roles/monitoring.metricWriter",
    "roles/monitoring.viewer",
    "roles/stackdriver.resourceMetadata.writer",
    "roles/artifactregistry.reader",
  ])

  workload_project_roles = {
    for pair in flatten([
      for service, identity in var.workload_identities : [
        for role in identity.project_roles : { service = service, role = role }
      ]
    ]) : "${pair.service}/${pair.role}" => pair
  }
}

# --- Node identity ------------------------------------------------------------------------------

# A dedicated node service account, so nodes never run as the default compute SA with roles/editor.
resource "google_service_account" "nodes" {
  project      = var.project_id
  account_id   = "gke-nodes-${var.environment}"
  display_name = "GKE nodes of ${var.cluster_name}"
  description  = "Least-privilege identity of the ${var.cluster_name} nodes: logs, metrics, metadata, image pulls."
}

resource "google_project_iam_member" "nodes" {
  for_each = local.node_roles

  project = var.project_id
  role    = each.value
  member  = google_service_account.nodes.member
}

# --- Binary Authorization ----------------------------------------------------------------------

# The project's single policy: deny every image except the project's Artifact Registry, the listed
# patterns and Google's system images. Enforced in prod; dev and staging only log (dry run).
resource "google_binary_authorization_policy" "project" {
  project                       = var.project_id
  description                   = "Alphintra ${var.environment}: admit only images from approved registries."
  global_policy_evaluation_mode = "ENABLE"

  admission_whitelist_patterns {
    name_pattern = "${var.region}-docker.pkg.dev/${var.project_id}/**"
  }

  dynamic "admission_whitelist_patterns" {
    for_each = var.binary_authorization_allowed_images
    content {
      name_pattern = admission_whitelist_patterns.value
    }
  }

  default_admission_rule {
    evaluation_mode  = "ALWAYS_DENY"
    enforcement_mode = var.binary_authorization_enforced ? "ENFORCED_BLOCK_AND_AUDIT_LOG" : "DRYRUN_AUDIT_LOG_ONLY"
  }
}

# --- Cluster -----------------------------------------------------------------------------------

resource "google_container_cluster" "primary" {
  project        = var.project_id
  name           = var.cluster_name
  location       = var.location
  node_locations = length(var.node_locations) > 0 ? var.node_locations : null

  network    = var.network_id
  subnetwork = var.subnetwork_self_link
  # VPC-native: Pod and Service IPs come from the subnet's named secondary ranges.
  networking_mode = "VPC_NATIVE"

  ip_allocation_policy {
    cluster_secondary_range_name  = var.pods_range_name
    services_secondary_range_name = var.services_range_name
  }

  # The default node pool cannot be configured like ours; create it with one node and remove it.
  remove_default_node_pool = true
  initial_node_count       = 1

  # Refuse `terraform destroy` on the cluster.
  deletion_protection = var.deletion_protection

  private_cluster_config {
    # Private nodes: no node has an external IP.
    enable_private_nodes = true
    # Private endpoint: the control plane's IP endpoint is not reachable from the internet at all.
    enable_private_endpoint = var.enable_private_endpoint
    master_ipv4_cidr_block  = var.master_ipv4_cidr_block
  }

  control_plane_endpoints_config {
    # The DNS-based endpoint (gke-<hash>.<region>.gke.goog): reachable from a laptop or CI with IAM alone,
    # no bastion or VPN. Every request is authenticated by Google IAM (container.clusters.connect) before
    # it reaches the API server, and authorized by RBAC after; authorized networks do not apply to it.
    dns_endpoint_config {
      allow_external_traffic = var.dns_endpoint_enabled
    }
    # The IP endpoint stays: nodes and in-VPC clients use it, privately (private_cluster_config above).
    ip_endpoints_config {
      enabled = true
    }
  }

  master_authorized_networks_config {
    # Only the listed networks reach the API; not even Google Cloud's public IPs.
    gcp_public_cidrs_access_enabled = false

    dynamic "cidr_blocks" {
      for_each = var.master_authorized_networks
      content {
        cidr_block   = cidr_blocks.value.cidr_block
        display_name = cidr_blocks.value.display_name
      }
    }
  }

  master_auth {
    client_certificate_config {
      # No client certificate: authentication goes through IAM only.
      issue_client_certificate = false
    }
  }

  # Legacy ABAC off: RBAC alone authorizes.
  enable_legacy_abac = false

  # Google Groups for RBAC: RoleBindings name Google Groups (members of gke-security-groups@DOMAIN), so
  # access is granted and revoked in one directory instead of per user.
  dynamic "authenticator_groups_config" {
    for_each = var.rbac_security_group == null ? [] : [var.rbac_security_group]
    content {
      security_group = authenticator_groups_config.value
    }
  }

  # Shielded nodes: nodes prove their identity to the control plane.
  enable_shielded_nodes = true

  release_channel {
    channel = var.release_channel
  }

  # Workload Identity: Pods get Google credentials through their Kubernetes service account, never a key.
  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }

  # Dataplane V2 (eBPF): enforces Kubernetes NetworkPolicy without the Calico add-on.
  datapath_provider = "ADVANCED_DATAPATH"

  addons_config {
    http_load_balancing {
      disabled = false
    }
    horizontal_pod_autoscaling {
      disabled = false
    }
    # Dataplane V2 enforces network policy itself; the Calico add-on must stay off.
    network_policy_config {
      disabled = true
    }
    gce_persistent_disk_csi_driver_config {
      enabled = true
    }
  }

  binary_authorization {
    # Every Pod is checked against the project policy above (which decides enforce or dry run).
    evaluation_mode = "PROJECT_SINGLETON_POLICY_ENFORCE"
  }

  database_encryption {
    # Kubernetes Secrets are encrypted in etcd with our Cloud KMS key, not only Google's default.
    state    = "ENCRYPTED"
    key_name = var.database_encryption_key_name
  }

  security_posture_config {
    # Kubernetes security posture, standard tier: workload configuration auditing.
    mode = "BASIC"
    # GKE's workload vulnerability scanning is gone (standard tier shut down 2025-07-31, Advanced
    # Vulnerability Insights 2026-06-16); VULNERABILITY_BASIC is refused by the API. Images are scanned
    # instead by Artifact Analysis when pushed to Artifact Registry (containerscanning.googleapis.com,
    # enabled by the bootstrap root), which is where every image the cluster runs comes from.
    vulnerability_mode = "VULNERABILITY_DISABLED"
  }

  logging_config {
    # APISERVER included: the audit trail of who did what to the cluster (issue #10).
    enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS", "APISERVER", "SCHEDULER", "CONTROLLER_MANAGER"]
  }

  monitoring_config {
    enable_components = ["SYSTEM_COMPONENTS", "APISERVER", "SCHEDULER", "CONTROLLER_MANAGER", "STORAGE", "POD", "DEPLOYMENT", "STATEFULSET", "DAEMONSET", "HPA"]

    managed_prometheus {
      enabled = true
    }
  }

  maintenance_policy {
    recurring_window {
      start_time = var.maintenance_window.start_time
      end_time   = var.maintenance_window.end_time
      recurrence = var.maintenance_window.recurrence
    }
  }

  # Settings of the short-lived default pool, so even it never runs with the default SA or
  # legacy metadata; ignored after creation because the pool is removed.
  node_config {
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
    metadata = {
      disable-legacy-endpoints = "true"
    }

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }

    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }

  resource_labels = local.labels

  depends_on = [
    google_project_iam_member.nodes,
    google_binary_authorization_policy.project,
  ]

  lifecycle {
    ignore_changes = [node_config, initial_node_count]
  }
}

# --- Node pools --------------------------------------------------------------------------------

resource "google_container_node_pool" "general" {
  project  = var.project_id
  name     = "general"
  cluster  = google_container_cluster.primary.id
  location = var.location

  # Per zone: a regional cluster has this many nodes in each of its zones.
  initial_node_count = var.general_node_pool.min_node_count

  autoscaling {
    min_node_count = var.general_node_pool.min_node_count
    max_node_count = var.general_node_pool.max_node_count
  }

  management {
    # Auto-repair and auto-upgrade: unhealthy nodes are recreated, nodes follow the release channel.
    auto_repair  = true
    auto_upgrade = true
  }

  upgrade_settings {
    # Surge upgrades: a new node joins before an old one drains, so capacity never drops.
    strategy        = "SURGE"
    max_surge       = var.general_node_pool.max_surge
    max_unavailable = 0
  }

  node_config {
    machine_type = var.general_node_pool.machine_type
    disk_size_gb = var.general_node_pool.disk_size_gb
    disk_type    = "pd-balanced"
    image_type   = "COS_CONTAINERD"

    # The dedicated least-privilege node SA; access is governed by IAM, not by scopes.
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]

    tags   = [var.node_network_tag]
    labels = merge(local.labels, { workload = "general" })

    # Legacy metadata endpoints off: the v0.1/v1beta1 APIs leak credentials without a header check.
    metadata = {
      disable-legacy-endpoints = "true"
    }

    # Shielded VMs: secure boot blocks unsigned kernels, integrity monitoring reports tampering.
    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }

    # GKE metadata server: Pods see only their Workload Identity, never the node's credentials.
    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    kubelet_config {
      # The unauthenticated read-only kubelet port (10255) stays closed.
      insecure_kubelet_readonly_port_enabled = "FALSE"
    }
  }

  lifecycle {
    ignore_changes = [initial_node_count]
  }
}

resource "google_container_node_pool" "analytics" {
  project  = var.project_id
  name     = "analytics"
  cluster  = google_container_cluster.primary.id
  location = var.location

  # Per zone; analytics may scale to zero between batch runs.
  initial_node_count = var.analytics_node_pool.min_node_count

  autoscaling {
    min_node_count = var.analytics_node_pool.min_node_count
    max_node_count = var.analytics_node_pool.max_node_count
  }

  management {
    # Auto-repair and auto-upgrade: unhealthy nodes are recreated, nodes follow the release channel.
    auto_repair  = true
    auto_upgrade = true
  }

  upgrade_settings {
    # Surge upgrades: a new node joins before an old one drains, so capacity never drops.
    strategy        = "SURGE"
    max_surge       = var.analytics_node_pool.max_surge
    max_unavailable = 0
  }

  node_config {
    machine_type = var.analytics_node_pool.machine_type
    disk_size_gb = var.analytics_node_pool.disk_size_gb
    disk_type    = "pd-balanced"
    image_type   = "COS_CONTAINERD"

    # The dedicated least-privilege node SA; access is governed by IAM, not by scopes.
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]

    tags = [var.node_network_tag]
    # Label and taint together: analytics Pods select this pool, nothing else tolerates it.
    labels = merge(local.labels, { workload = "analytics" })

    taint {
      key    = "workload"
      value  = "analytics"
      effect = "NO_SCHEDULE"
    }

    # Legacy metadata endpoints off: the v0.1/v1beta1 APIs leak credentials without a header check.
    metadata = {
      disable-legacy-endpoints = "true"
    }

    # Shielded VMs: secure boot blocks unsigned kernels, integrity monitoring reports tampering.
    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }

    # GKE metadata server: Pods see only their Workload Identity, never the node's credentials.
    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    kubelet_config {
      # The unauthenticated read-only kubelet port (10255) stays closed.
      insecure_kubelet_readonly_port_enabled = "FALSE"
    }
  }

  lifecycle {
    ignore_changes = [initial_node_count]
  }
}

# --- Workload Identity --------------------------------------------------------------------------

# One Google service account per service, so each holds only its own permissions.
resource "google_service_account" "workload" {
  for_each = var.workload_identities

  project      = var.project_id
  account_id   = "${each.key}-${var.environment}"
  display_name = "${each.key} (${var.environment})"
  description  = "Workload Identity of Kubernetes service account ${each.value.kubernetes_namespace}/${each.value.kubernetes_service_account}."
}

# Only that Kubernetes service account may act as it.
resource "google_service_account_iam_member" "workload_identity_user" {
  for_each = var.workload_identities

  service_account_id = google_service_account.workload[each.key].name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${each.value.kubernetes_namespace}/${each.value.kubernetes_service_account}]"

  # The workload identity pool exists only once the cluster does.
  depends_on = [google_container_cluster.primary]
}

resource "google_project_iam_member" "workload" {
  for_each = local.workload_project_roles

  project = var.project_id
  role    = each.value.role
  member  = google_service_account.workload[each.value.service].member
}
