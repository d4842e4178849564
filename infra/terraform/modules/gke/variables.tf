variable "project_id" {
  type        = string
  description = "ID of the Google Cloud project that hosts the cluster."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project ID: 6-30 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "environment" {
  type        = string
  description = "Environment name; part of every service-account ID and label."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of dev, staging, prod."
  }
}

variable "region" {
  type        = string
  description = "Region of the cluster's network and of the Cloud KMS key ring for secrets encryption."

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a Google Cloud region such as \"us-east4\"."
  }
}

variable "location" {
  type        = string
  description = "Where the cluster runs: a region for a regional cluster (control plane and nodes in three zones) or a zone for a zonal one (cheaper, for dev)."

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+(-[a-z])?$", var.location))
    error_message = "location must be a region (\"us-east4\") or a zone (\"us-east4-a\")."
  }
}

variable "node_locations" {
  type        = list(string)
  description = "Zones for the nodes; empty lets GKE choose (every zone of a regional cluster, the cluster's zone for a zonal one)."
  default     = []

  validation {
    condition     = alltrue([for z in var.node_locations : can(regex("^[a-z]+-[a-z]+[0-9]+-[a-z]$", z))])
    error_message = "node_locations must be zones such as \"us-east4-a\"."
  }
}

variable "cluster_name" {
  type        = string
  description = "Name of the GKE cluster."

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$", var.cluster_name))
    error_message = "cluster_name must be 1-40 lowercase letters, digits or hyphens, start with a letter and not end with a hyphen."
  }
}

variable "network_id" {
  type        = string
  description = "ID of the VPC network (vpc module output network_id)."

  validation {
    condition     = can(regex("^projects/[^/]+/global/networks/[^/]+$", var.network_id))
    error_message = "network_id must be a network ID: projects/PROJECT/global/networks/NAME."
  }
}

variable "subnetwork_self_link" {
  type        = string
  description = "Self link of the nodes subnet (vpc module output nodes_subnet_self_link)."

  validation {
    condition     = can(regex("/projects/[^/]+/regions/[^/]+/subnetworks/[^/]+$", var.subnetwork_self_link))
    error_message = "subnetwork_self_link must be a subnetwork self link ending in projects/PROJECT/regions/REGION/subnetworks/NAME."
  }
}

variable "pods_range_name" {
  type        = string
  description = "Name of the subnet's secondary range for Pods (vpc module output pods_range_name)."

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", var.pods_range_name))
    error_message = "pods_range_name must be the name (not the CIDR) of a secondary range."
  }
}

variable "services_range_name" {
  type        = string
  description = "Name of the subnet's secondary range for Services (vpc module output services_range_name)."

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", var.services_range_name))
    error_message = "services_range_name must be the name (not the CIDR) of a secondary range."
  }
}

variable "master_ipv4_cidr_block" {
  type        = string
  description = "The /28 for the private control plane (vpc module output gke_master_cidr)."

  validation {
    condition     = can(cidrhost(var.master_ipv4_cidr_block, 0)) && endswith(var.master_ipv4_cidr_block, "/28")
    error_message = "master_ipv4_cidr_block must be a /28 in CIDR notation."
  }
}

variable "node_network_tag" {
  type        = string
  description = "Network tag put on every node (vpc module output gke_node_tag), so the control-plane webhook firewall rule reaches them."
  default     = "gke-node"

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", var.node_network_tag))
    error_message = "node_network_tag must be a valid network tag: 1-63 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "enable_private_endpoint" {
  type        = bool
  description = "Serve the Kubernetes API on its private IP only (true, the safe default). Set false to also expose the public endpoint, still limited to master_authorized_networks."
  default     = true
}

variable "master_authorized_networks" {
  type = list(object({
    cidr_block   = string
    display_name = string
  }))
  description = "Networks allowed to reach the Kubernetes API. With the private endpoint these are internal ranges (a bastion's, a VPN's). 0.0.0.0/0 is refused."
  default     = []

  validation {
    condition     = alltrue([for n in var.master_authorized_networks : can(cidrhost(n.cidr_block, 0)) && try(tonumber(split("/", n.cidr_block)[1]) >= 8, false)])
    error_message = "Every master_authorized_networks entry must be a CIDR with a prefix length of at least /8; 0.0.0.0/0 and other internet-wide ranges are refused."
  }
}

variable "release_channel" {
  type        = string
  description = "GKE release channel: Google upgrades control plane and nodes along it, security patches included."
  default     = "REGULAR"

  validation {
    condition     = contains(["RAPID", "REGULAR", "STABLE"], var.release_channel)
    error_message = "release_channel must be RAPID, REGULAR or STABLE (UNSPECIFIED would leave upgrades to us)."
  }
}

variable "binary_authorization_enforced" {
  type        = bool
  description = "Block images the Binary Authorization policy does not allow (true) or only log them (false, audit mode for dev and staging)."
  default     = true
}

variable "binary_authorization_allowed_images" {
  type        = list(string)
  description = "Image name patterns Binary Authorization admits besides the project's own Artifact Registry (always allowed) and Google-maintained system images. Use \"*\" for one path segment, \"**\" for several."
  default     = []

  validation {
    condition     = alltrue([for p in var.binary_authorization_allowed_images : p != "*" && p != "**" && can(regex("^[a-z0-9.-]+(:[0-9]+)?/", p))])
    error_message = "binary_authorization_allowed_images entries must start with a registry host and a slash (\"docker.io/istio/*\"); a bare wildcard would admit every image."
  }
}

variable "database_encryption_key_name" {
  type        = string
  description = "Cloud KMS key (projects/P/locations/L/keyRings/R/cryptoKeys/K) that encrypts Kubernetes Secrets in etcd, in the cluster's region. The bootstrap root creates it and grants the GKE service agent encrypt/decrypt on it: keys can never be deleted, so they outlive the environment."
  nullable    = false

  validation {
    condition     = can(regex("^projects/[^/]+/locations/[^/]+/keyRings/[^/]+/cryptoKeys/[^/]+$", var.database_encryption_key_name))
    error_message = "database_encryption_key_name must be a full Cloud KMS crypto key name: projects/P/locations/L/keyRings/R/cryptoKeys/K."
  }
}

variable "dns_endpoint_enabled" {
  type        = bool
  description = "Serve the Kubernetes API also on GKE's DNS-based endpoint, reachable from anywhere but only with Google IAM credentials (container.clusters.connect), so `gcloud container clusters get-credentials --dns-endpoint` works without a VPN. The IP endpoint stays private either way."
  default     = true
}

variable "rbac_security_group" {
  type        = string
  description = "Google Groups for RBAC: the group gke-security-groups@DOMAIN whose nested groups RoleBindings may name (for example alphintra-developers@DOMAIN). Null leaves Google Groups for RBAC off."
  default     = null

  validation {
    condition     = var.rbac_security_group == null || can(regex("^gke-security-groups@[a-z0-9.-]+\\.[a-z]{2,}$", var.rbac_security_group))
    error_message = "rbac_security_group must be gke-security-groups@YOUR-DOMAIN: GKE accepts only a group of exactly that name."
  }
}

variable "maintenance_window" {
  type = object({
    start_time = string
    end_time   = string
    recurrence = string
  })
  description = "Recurring window (RFC 3339 start and end of the first occurrence, RFC 5545 RRULE) in which GKE may upgrade. Default: weekends 02:00-08:00 UTC, when markets are closed."
  default = {
    start_time = "2026-01-03T02:00:00Z"
    end_time   = "2026-01-03T08:00:00Z"
    recurrence = "FREQ=WEEKLY;BYDAY=SA,SU"
  }

  validation {
    condition     = can(timeadd(var.maintenance_window.start_time, "0s")) && can(timeadd(var.maintenance_window.end_time, "0s")) && startswith(var.maintenance_window.recurrence, "FREQ=")
    error_message = "maintenance_window needs RFC 3339 start_time and end_time and an RRULE recurrence starting with \"FREQ=\"."
  }
}

variable "general_node_pool" {
  type = object({
    machine_type   = optional(string, "e2-standard-4")
    min_node_count = optional(number, 1)
    max_node_count = optional(number, 3)
    disk_size_gb   = optional(number, 100)
    max_surge      = optional(number, 1)
  })
  description = "The general node pool for the platform services. Node counts are per zone. max_surge nodes are added during upgrades, none taken away first."
  default     = {}

  validation {
    condition     = var.general_node_pool.min_node_count >= 0 && var.general_node_pool.max_node_count >= 1 && var.general_node_pool.min_node_count <= var.general_node_pool.max_node_count && var.general_node_pool.max_node_count <= 100 && var.general_node_pool.disk_size_gb >= 50 && var.general_node_pool.max_surge >= 1
    error_message = "general_node_pool needs 0 <= min_node_count <= max_node_count <= 100, max_node_count >= 1, disk_size_gb >= 50 and max_surge >= 1."
  }
}

variable "analytics_node_pool" {
  type = object({
    machine_type   = optional(string, "n2-highmem-4")
    min_node_count = optional(number, 0)
    max_node_count = optional(number, 2)
    disk_size_gb   = optional(number, 200)
    max_surge      = optional(number, 1)
  })
  description = "The analytics node pool (memory-heavy backtests and risk batch jobs). Tainted workload=analytics:NoSchedule and labelled workload=analytics, so only Pods that tolerate and select it land there. Node counts are per zone."
  default     = {}

  validation {
    condition     = var.analytics_node_pool.min_node_count >= 0 && var.analytics_node_pool.max_node_count >= 1 && var.analytics_node_pool.min_node_count <= var.analytics_node_pool.max_node_count && var.analytics_node_pool.max_node_count <= 100 && var.analytics_node_pool.disk_size_gb >= 50 && var.analytics_node_pool.max_surge >= 1
    error_message = "analytics_node_pool needs 0 <= min_node_count <= max_node_count <= 100, max_node_count >= 1, disk_size_gb >= 50 and max_surge >= 1."
  }
}

variable "workload_identities" {
  type = map(object({
    kubernetes_namespace       = optional(string, "alphintra")
    kubernetes_service_account = string
    project_roles              = optional(set(string), [])
  }))
  description = "One Google service account per platform service that calls Google APIs, keyed by service name, bound through Workload Identity to its Kubernetes service account. project_roles are granted on the project; topic, subscription and secret access is granted by the pubsub, cloudsql and memorystore modules on those resources alone."
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.workload_identities : can(regex("^[a-z][a-z0-9-]{1,20}[a-z0-9]$", k))])
    error_message = "workload_identities keys are service names: 3-22 lowercase letters, digits or hyphens (the account ID \"<service>-<environment>\" must fit in 30 characters)."
  }

  validation {
    condition     = alltrue([for v in var.workload_identities : can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", v.kubernetes_namespace)) && can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", v.kubernetes_service_account))])
    error_message = "kubernetes_namespace and kubernetes_service_account must be valid Kubernetes names (lowercase DNS labels)."
  }

  validation {
    condition = alltrue(flatten([for v in var.workload_identities : [for r in v.project_roles : contains([
      "roles/cloudsql.client",
      "roles/cloudsql.instanceUser",
      "roles/cloudtrace.agent",
      "roles/monitoring.metricWriter",
      "roles/logging.logWriter",
    ], r)]]))
    error_message = "project_roles may only hold roles/cloudsql.client, roles/cloudsql.instanceUser, roles/cloudtrace.agent, roles/monitoring.metricWriter or roles/logging.logWriter; grant anything else on the resource itself."
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to destroy the cluster from Terraform. True everywhere by default; turn off only to tear down a dev cluster on purpose."
  default     = true
}

variable "labels" {
  type        = map(string)
  description = "Labels added to the cluster and its nodes."
  default     = {}
}
