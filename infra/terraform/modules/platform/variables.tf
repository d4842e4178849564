variable "environment" {
  type        = string
  description = "The environment this platform is: dev, staging or prod. It names every resource, and prod gets stricter rules (see the preconditions in outputs.tf)."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "project_id" {
  type        = string
  description = "ID of this environment's Google Cloud project (one project per environment). No default: a wrong project is the one mistake to make impossible."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project ID: 6-30 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  type        = string
  description = "Region of every regional resource; us-east4 (Northern Virginia) is close to the US exchanges' data centres."
  default     = "us-east4"

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a Google Cloud region such as \"us-east4\"."
  }
}

variable "network_plan" {
  type = object({
    nodes_cidr                  = string
    load_balancer_cidr          = string
    private_service_access_cidr = string
    gke_master_cidr             = string
    pods_cidr                   = string
    services_cidr               = string
  })
  description = "This environment's CIDR plan (see the table in infra/terraform/README.md). No default: a shared default would give two environments the same ranges. The vpc module validates each range."
}

variable "gke_location" {
  type        = string
  description = "Region (regional cluster: control plane and nodes in three zones) or zone (zonal cluster) of the GKE cluster. Regional by default."
  default     = "us-east4"

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+(-[a-z])?$", var.gke_location))
    error_message = "gke_location must be a region (\"us-east4\") or a zone (\"us-east4-a\")."
  }
}

variable "gke_node_locations" {
  type        = list(string)
  description = "Zones of the GKE nodes; empty lets GKE choose."
  default     = []
}

variable "gke_enable_private_endpoint" {
  type        = bool
  description = "Kubernetes API on its private IP only (true, the safe default)."
  default     = true
}

variable "gke_master_authorized_networks" {
  type = list(object({
    cidr_block   = string
    display_name = string
  }))
  description = "Internal networks (VPN, bastion) allowed to reach the Kubernetes API. Never 0.0.0.0/0 (the gke module refuses it)."
  default     = []
}

variable "gke_release_channel" {
  type        = string
  description = "GKE release channel (RAPID, REGULAR or STABLE)."
  default     = "REGULAR"
}

variable "binary_authorization_enforced" {
  type        = bool
  description = "Block (true) or only audit-log (false) images outside the allowed registries. Enforced by default; dev and staging run in audit mode."
  default     = true
}

variable "binary_authorization_allowed_images" {
  type        = list(string)
  description = "Image patterns admitted besides the project's Artifact Registry and Google's system images."
  default     = []
}

variable "gke_general_node_pool" {
  type = object({
    machine_type   = optional(string, "e2-standard-4")
    min_node_count = optional(number, 1)
    max_node_count = optional(number, 3)
    disk_size_gb   = optional(number, 100)
    max_surge      = optional(number, 1)
  })
  description = "Sizing of the general node pool (node counts per zone)."
  default     = {}
}

variable "gke_analytics_node_pool" {
  type = object({
    machine_type   = optional(string, "n2-highmem-4")
    min_node_count = optional(number, 0)
    max_node_count = optional(number, 2)
    disk_size_gb   = optional(number, 200)
    max_surge      = optional(number, 1)
  })
  description = "Sizing of the tainted analytics node pool (node counts per zone)."
  default     = {}
}

variable "deletion_protection" {
  type        = bool
  nullable    = false
  description = "Deletion protection of the GKE cluster and the Cloud SQL instance (and its password secret). True in every environment; set false in the environment's main.tf and apply only to tear an environment down on purpose."
  default     = true
}

variable "cloudsql_tier" {
  type        = string
  description = "Cloud SQL custom tier db-custom-<vCPUs>-<memory MB>; memory-dependent flags follow it."
  default     = "db-custom-2-7680"
}

variable "cloudsql_availability_type" {
  type        = string
  description = "REGIONAL (standby with automatic failover, the default) or ZONAL (dev only)."
  default     = "REGIONAL"

  validation {
    condition     = contains(["REGIONAL", "ZONAL"], var.cloudsql_availability_type)
    error_message = "cloudsql_availability_type must be REGIONAL or ZONAL."
  }
}

variable "cloudsql_disk_size_gb" {
  type        = number
  description = "Initial Cloud SQL SSD size in GB (auto-resize grows it)."
  default     = 50
}

variable "cloudsql_retained_backups" {
  type        = number
  description = "Daily Cloud SQL backups kept."
  default     = 14
}

variable "cloudsql_max_connections" {
  type        = number
  description = "PostgreSQL max_connections (PgBouncer pools client connections in front)."
  default     = 200
}

variable "redis_tier" {
  type        = string
  description = "Memorystore tier: STANDARD_HA (replica with failover, the default) or BASIC (dev only)."
  default     = "STANDARD_HA"

  validation {
    condition     = contains(["BASIC", "STANDARD_HA"], var.redis_tier)
    error_message = "redis_tier must be BASIC or STANDARD_HA."
  }
}

variable "redis_memory_size_gb" {
  type        = number
  description = "Memorystore memory in GB."
  default     = 1
}

variable "audit_log_retention_days" {
  type        = number
  description = "Days the audit log bucket keeps audit logs (1-3650). Regulators such as SEC 17a-4 and MiFID II typically ask for 5-7 years of records; the value is the firm's compliance decision."
  default     = 400

  validation {
    condition     = var.audit_log_retention_days >= 1 && var.audit_log_retention_days <= 3650
    error_message = "audit_log_retention_days must be between 1 and 3650 (Cloud Logging's maximum)."
  }
}

variable "audit_log_bucket_locked" {
  type        = bool
  description = "Lock the audit log bucket so nobody can shorten retention or delete it (irreversible). Off until compliance decides."
  default     = false
}
