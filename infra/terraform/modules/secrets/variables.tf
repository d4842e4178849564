variable "project_id" {
  type        = string
  description = "ID of the Google Cloud project that holds the secrets."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project ID: 6-30 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  type        = string
  description = "Region the secrets are stored in (user-managed replication keeps the data in region)."

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a Google Cloud region such as \"us-east4\"."
  }
}

variable "replica_locations" {
  type        = list(string)
  description = "Further regions to replicate the secrets to (for disaster recovery); default none."
  default     = []

  validation {
    condition     = alltrue([for r in var.replica_locations : can(regex("^[a-z]+-[a-z]+[0-9]+$", r))])
    error_message = "replica_locations must be regions such as \"us-east4\"."
  }
}

variable "name_prefix" {
  type        = string
  description = "Prefix of every secret ID: <name_prefix>-<secret>, for example alphintra-dev-jwt-signing-key."

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_-]{0,150}$", var.name_prefix))
    error_message = "name_prefix must start with a letter and hold only letters, digits, hyphens and underscores."
  }
}

variable "secrets" {
  type = map(object({
    generator = string
    accessors = optional(map(string), {})
  }))
  description = "Secrets to create, keyed by short name. generator: rsa-private-key-3072 (PKCS#8 PEM) or random-hex-32 (128 bits). accessors: label -> IAM member allowed to read that one secret."
  default     = {}

  validation {
    condition     = alltrue([for s in values(var.secrets) : contains(["rsa-private-key-3072", "random-hex-32"], s.generator)])
    error_message = "Each secret's generator must be rsa-private-key-3072 or random-hex-32."
  }

  validation {
    condition     = alltrue([for name in keys(var.secrets) : can(regex("^[a-z][a-z0-9-]{0,60}[a-z0-9]$", name))])
    error_message = "Secret names must be lowercase letters, digits and hyphens (2-62 characters)."
  }
}

variable "labels" {
  type        = map(string)
  description = "Labels added to every secret."
  default     = {}
}
