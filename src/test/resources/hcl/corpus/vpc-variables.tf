variable "project_id" {
  type        = string
  description = "The Google Cloud project that owns the network."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "The project_id must be 6 to 30 lowercase letters, digits or hyphens."
  }
}

variable "network_name" {
  type        = string
  description = "Name of the VPC network."
  default     = "alphintra"
}

variable "routing_mode" {
  type        = string
  description = "GLOBAL or REGIONAL dynamic routing."
  default     = "REGIONAL"

  validation {
    condition     = contains(["GLOBAL", "REGIONAL"], var.routing_mode)
    error_message = "The routing_mode must be GLOBAL or REGIONAL."
  }
}

variable "mtu" {
  type        = number
  description = "Maximum transmission unit in bytes (1300 to 8896)."
  default     = 1460

  validation {
    condition     = var.mtu >= 1300 && var.mtu <= 8896
    error_message = "The mtu must be between 1300 and 8896 bytes."
  }
}

variable "subnets" {
  type = list(object({
    name      = string
    region    = string
    cidr      = string
    flow_logs = optional(bool, true)
    secondary_ranges = optional(list(object({
      range_name = string
      cidr       = string
    })), [])
  }))
  description = "Subnets to create; each needs a unique name per region."

  validation {
    condition     = alltrue([for s in var.subnets : can(cidrhost(s.cidr, 0))])
    error_message = "Every subnet cidr must be a valid IPv4 CIDR block."
  }
}

variable "enable_nat" {
  type        = bool
  description = "Create Cloud NAT so private nodes reach the internet."
  default     = true
}

variable "labels" {
  type        = map(string)
  description = "Labels applied to every resource."
  default     = {}
}

variable "secret_token" {
  type        = string
  description = "Example of a sensitive input."
  default     = null
  sensitive   = true
  nullable    = true
}
