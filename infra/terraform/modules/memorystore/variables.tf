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
  description = "Region of the instance and of the AUTH-string secret."

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a Google Cloud region such as \"us-east4\"."
  }
}

variable "instance_name" {
  type        = string
  description = "Name of the Memorystore for Redis instance."

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$", var.instance_name))
    error_message = "instance_name must be 1-40 lowercase letters, digits or hyphens, start with a letter and not end with a hyphen."
  }
}

variable "tier" {
  type        = string
  description = "STANDARD_HA: a replica in another zone with automatic failover (required in prod). BASIC: one node, for dev."
  default     = "STANDARD_HA"

  validation {
    condition     = contains(["BASIC", "STANDARD_HA"], var.tier)
    error_message = "tier must be BASIC or STANDARD_HA."
  }
}

variable "memory_size_gb" {
  type        = number
  description = "Memory of the instance in GB (1-300)."
  default     = 1

  validation {
    condition     = var.memory_size_gb >= 1 && var.memory_size_gb <= 300
    error_message = "memory_size_gb must be between 1 and 300."
  }
}

variable "redis_version" {
  type        = string
  description = "Redis version, pinned to the line of the local image in infra/versions.yaml (redis:7.2)."
  default     = "REDIS_7_2"

  validation {
    condition     = var.redis_version == "REDIS_7_2"
    error_message = "redis_version must be REDIS_7_2, the line pinned in infra/versions.yaml; change both together."
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

variable "private_service_access_range_name" {
  type        = string
  description = "Name of the private services access allocation the instance takes its IPs from (vpc module output private_service_access_range_name)."

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", var.private_service_access_range_name))
    error_message = "private_service_access_range_name must be the name (not the CIDR) of a global address."
  }
}

variable "redis_configs" {
  type        = map(string)
  description = "Redis configuration parameters Memorystore supports. Default evicts least-recently-used keys with a TTL, so cache entries go before anything stored without one."
  default = {
    "maxmemory-policy" = "volatile-lru"
  }
}

variable "maintenance_window" {
  type = object({
    day  = string
    hour = number
  })
  description = "Weekly maintenance window: day (MONDAY-SUNDAY) and UTC start hour. Default Sunday 05:00, when markets are closed."
  default = {
    day  = "SUNDAY"
    hour = 5
  }

  validation {
    condition     = contains(["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"], var.maintenance_window.day) && var.maintenance_window.hour >= 0 && var.maintenance_window.hour <= 23
    error_message = "maintenance_window.day must be a weekday name in capitals and maintenance_window.hour 0-23."
  }
}

variable "auth_secret_accessors" {
  type        = map(string)
  description = "Map of a label (the service name) to an IAM member allowed to read the AUTH-string secret."
  default     = {}
}

variable "secret_replica_locations" {
  type        = list(string)
  description = "Extra regions Secret Manager replicates the AUTH-string secret to; the instance's region is always one."
  default     = []

  validation {
    condition     = alltrue([for r in var.secret_replica_locations : can(regex("^[a-z]+-[a-z]+[0-9]+$", r))])
    error_message = "secret_replica_locations must be regions such as \"us-east4\"."
  }
}

variable "labels" {
  type        = map(string)
  description = "Labels of the instance and its secret."
  default     = {}
}
