variable "project_id" {
  type        = string
  description = "ID of the Google Cloud project that hosts the instance."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project ID: 6-30 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  type        = string
  description = "Region of the instance, its backups and its secrets."

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a Google Cloud region such as \"us-east4\"."
  }
}

variable "instance_name" {
  type        = string
  description = "Name prefix of the Cloud SQL instance (the instance is <instance_name>-<4 random hex digits>, because a deleted instance's name cannot be reused for about a week) and of its secrets."

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,60}[a-z0-9])?$", var.instance_name))
    error_message = "instance_name must be 1-62 lowercase letters, digits or hyphens, start with a letter and not end with a hyphen."
  }
}

variable "database_version" {
  type        = string
  description = "PostgreSQL major version; POSTGRES_17 matches the local image pinned in infra/versions.yaml."
  default     = "POSTGRES_17"

  validation {
    condition     = contains(["POSTGRES_16", "POSTGRES_17"], var.database_version)
    error_message = "database_version must be POSTGRES_16 or POSTGRES_17 (keep it on the major of the local postgres image)."
  }
}

variable "tier" {
  type        = string
  description = "Machine type, Enterprise edition custom tier db-custom-<vCPUs>-<memory MB> (0.9-6.5 GB per vCPU, memory a multiple of 256 MB). Memory-dependent flags are derived from it."
  default     = "db-custom-2-7680"

  validation {
    condition = can(regex("^db-custom-[0-9]+-[0-9]+$", var.tier)) && try(
      tonumber(split("-", var.tier)[3]) % 256 == 0 &&
      tonumber(split("-", var.tier)[3]) >= tonumber(split("-", var.tier)[2]) * 922 &&
      tonumber(split("-", var.tier)[3]) <= tonumber(split("-", var.tier)[2]) * 6656 &&
      (tonumber(split("-", var.tier)[2]) == 1 || tonumber(split("-", var.tier)[2]) % 2 == 0),
      false
    )
    error_message = "tier must be db-custom-<vCPUs>-<memory MB>: 1 or an even number of vCPUs, memory a multiple of 256 MB between 0.9 and 6.5 GB per vCPU (for example db-custom-2-7680)."
  }
}

variable "availability_type" {
  type        = string
  description = "REGIONAL: a standby in a second zone with automatic failover (required in prod). ZONAL: one zone, for dev."
  default     = "REGIONAL"

  validation {
    condition     = contains(["REGIONAL", "ZONAL"], var.availability_type)
    error_message = "availability_type must be REGIONAL or ZONAL."
  }
}

variable "disk_size_gb" {
  type        = number
  description = "Initial SSD size in GB; storage auto-resize grows it (never shrinks)."
  default     = 50

  validation {
    condition     = var.disk_size_gb >= 10 && var.disk_size_gb <= 65536
    error_message = "disk_size_gb must be between 10 and 65536."
  }
}

variable "disk_autoresize_limit_gb" {
  type        = number
  description = "Upper bound for storage auto-resize in GB (0 means no limit). A bound keeps a runaway table from running up the bill unnoticed."
  default     = 500

  validation {
    condition     = var.disk_autoresize_limit_gb >= 0
    error_message = "disk_autoresize_limit_gb must be 0 (no limit) or a positive number of GB."
  }
}

variable "network_id" {
  type        = string
  description = "ID of the VPC network the private IP lives in (vpc module output network_id)."

  validation {
    condition     = can(regex("^projects/[^/]+/global/networks/[^/]+$", var.network_id))
    error_message = "network_id must be a network ID: projects/PROJECT/global/networks/NAME."
  }
}

variable "private_service_access_range_name" {
  type        = string
  description = "Name of the private services access allocation to take the IP from (vpc module output private_service_access_range_name)."

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", var.private_service_access_range_name))
    error_message = "private_service_access_range_name must be the name (not the CIDR) of a global address."
  }
}

variable "backup_start_time" {
  type        = string
  description = "UTC start (HH:MM) of the daily backup window; default 03:00, outside trading hours of the major venues."
  default     = "03:00"

  validation {
    condition     = can(regex("^([01][0-9]|2[0-3]):[0-5][0-9]$", var.backup_start_time))
    error_message = "backup_start_time must be HH:MM in 24-hour UTC."
  }
}

variable "retained_backups" {
  type        = number
  description = "Number of daily automated backups kept."
  default     = 14

  validation {
    condition     = var.retained_backups >= 7 && var.retained_backups <= 365
    error_message = "retained_backups must be between 7 and 365."
  }
}

variable "transaction_log_retention_days" {
  type        = number
  description = "Days of write-ahead log kept for point-in-time recovery (Enterprise edition allows 1-7)."
  default     = 7

  validation {
    condition     = var.transaction_log_retention_days >= 1 && var.transaction_log_retention_days <= 7
    error_message = "transaction_log_retention_days must be between 1 and 7 for the Enterprise edition."
  }
}

variable "maintenance_window" {
  type = object({
    day  = number
    hour = number
  })
  description = "Weekly maintenance window: day 1-7 (Monday-Sunday) and UTC hour 0-23. Default Sunday 04:00, when markets are closed."
  default = {
    day  = 7
    hour = 4
  }

  validation {
    condition     = var.maintenance_window.day >= 1 && var.maintenance_window.day <= 7 && var.maintenance_window.hour >= 0 && var.maintenance_window.hour <= 23
    error_message = "maintenance_window.day must be 1-7 and maintenance_window.hour 0-23."
  }
}

variable "max_connections" {
  type        = number
  description = "PostgreSQL max_connections. Services connect through PgBouncer in Kubernetes, so a few hundred server connections serve thousands of clients; work_mem is sized from it."
  default     = 200

  validation {
    condition     = var.max_connections >= 50 && var.max_connections <= 1000
    error_message = "max_connections must be between 50 and 1000; put more clients behind PgBouncer instead."
  }
}

variable "log_min_duration_statement_ms" {
  type        = number
  description = "Log every statement slower than this many milliseconds. An order path query slower than 250 ms is worth a look."
  default     = 250

  validation {
    condition     = var.log_min_duration_statement_ms >= 0
    error_message = "log_min_duration_statement_ms must be 0 (log all) or a positive number of milliseconds; -1 (off) is not accepted."
  }
}

variable "database_flags" {
  type        = map(string)
  description = "Extra Cloud SQL flags, merged over the module's tuned defaults (see README). Only flags Cloud SQL supports; security and logging flags cannot be turned off this way."
  default     = {}

  validation {
    condition = length(setintersection(keys(var.database_flags), [
      "log_connections", "log_disconnections", "log_lock_waits", "log_checkpoints", "log_temp_files",
      "log_min_duration_statement", "cloudsql.enable_pgaudit", "pgaudit.log",
    ])) == 0
    error_message = "database_flags must not override the logging and audit flags the module sets; use log_min_duration_statement_ms for the slow-query threshold."
  }
}

variable "databases" {
  type        = set(string)
  description = "Databases to create; the platform's is \"alphintra\"."
  default     = ["alphintra"]

  validation {
    condition     = length(var.databases) > 0 && alltrue([for d in var.databases : can(regex("^[a-z][a-z0-9_]{0,62}$", d))])
    error_message = "databases must be lowercase PostgreSQL identifiers (letter first, then letters, digits, underscores; at most 63)."
  }
}

variable "users" {
  type = map(object({
    secret_accessors = optional(map(string), {})
  }))
  description = "Built-in database users, keyed by name. Each gets a generated password stored only in Secret Manager; secret_accessors maps a label (the service name) to an IAM member allowed to read that one secret."
  default = {
    alphintra_app = {}
  }

  validation {
    condition     = alltrue([for u, _ in var.users : can(regex("^[a-z][a-z0-9_]{0,62}$", u)) && u != "postgres"])
    error_message = "users keys must be lowercase PostgreSQL identifiers and not \"postgres\"."
  }
}

variable "server_ca_secret_accessors" {
  type        = map(string)
  description = "Label -> IAM member allowed to read the server CA certificate secret (for example the External Secrets Operator's service account)."
  default     = {}
}

variable "secret_replica_locations" {
  type        = list(string)
  description = "Regions Secret Manager replicates the password secrets to. Default: the instance's region only (data stays in region); add a second region for disaster recovery."
  default     = []

  validation {
    condition     = alltrue([for r in var.secret_replica_locations : can(regex("^[a-z]+-[a-z]+[0-9]+$", r))])
    error_message = "secret_replica_locations must be regions such as \"us-east4\"."
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to delete the instance, in Terraform and in the Cloud SQL API. True everywhere by default."
  default     = true
}

variable "labels" {
  type        = map(string)
  description = "User labels of the instance and its secrets."
  default     = {}
}
