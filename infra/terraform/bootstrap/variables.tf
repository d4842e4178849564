variable "project_id" {
  type        = string
  description = "ID of the Google Cloud project to prepare (one project per environment)."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project ID: 6-30 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  type        = string
  description = "Region of the state bucket; use the environment's region so state stays with the data."

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a Google Cloud region such as \"us-east4\"."
  }
}

variable "state_bucket_name" {
  type        = string
  description = "Name of the remote-state bucket; null means \"<project_id>-tfstate\". Bucket names are global."
  default     = null

  validation {
    condition     = var.state_bucket_name == null || can(regex("^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$", var.state_bucket_name))
    error_message = "state_bucket_name must be 3-63 lowercase letters, digits, hyphens or underscores, starting and ending with a letter or digit."
  }
}

variable "state_versions_to_keep" {
  type        = number
  description = "Old versions of each state file kept besides the live one; older ones are deleted. Each apply writes one version."
  default     = 20

  validation {
    condition     = var.state_versions_to_keep >= 5 && var.state_versions_to_keep <= 1000
    error_message = "state_versions_to_keep must be between 5 and 1000."
  }
}

variable "services" {
  type        = set(string)
  description = "Google APIs the environments need, enabled once per project."
  default = [
    "artifactregistry.googleapis.com",
    "binaryauthorization.googleapis.com",
    "cloudkms.googleapis.com",
    "cloudresourcemanager.googleapis.com",
    "compute.googleapis.com",
    "container.googleapis.com",
    "containersecurity.googleapis.com",
    "iam.googleapis.com",
    "iamcredentials.googleapis.com",
    "logging.googleapis.com",
    "monitoring.googleapis.com",
    "pubsub.googleapis.com",
    "redis.googleapis.com",
    "secretmanager.googleapis.com",
    "servicenetworking.googleapis.com",
    "sqladmin.googleapis.com",
    "storage.googleapis.com",
  ]

  validation {
    condition     = alltrue([for s in var.services : endswith(s, ".googleapis.com")])
    error_message = "services must be API names such as \"container.googleapis.com\"."
  }
}
