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
    "containeranalysis.googleapis.com",
    "containerscanning.googleapis.com",
    "dns.googleapis.com",
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
    "sts.googleapis.com",
  ]

  validation {
    condition     = alltrue([for s in var.services : endswith(s, ".googleapis.com")])
    error_message = "services must be API names such as \"container.googleapis.com\"."
  }
}

variable "github_repository" {
  type        = string
  description = "GitHub repository (OWNER/NAME) whose Actions runs may deploy as alphintra-deployer through Workload Identity Federation. Null creates no pool: the deployer is then used by impersonation only."
  default     = null

  validation {
    condition     = var.github_repository == null || can(regex("^[A-Za-z0-9-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be OWNER/NAME, for example \"alphintra/platform-infra\"."
  }
}

variable "kms_key_ring_name" {
  type        = string
  description = "Cloud KMS key ring of the project's keys, in var.region. Key rings can never be deleted, so it lives here and outlives every environment."
  default     = "alphintra"

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,63}$", var.kms_key_ring_name))
    error_message = "kms_key_ring_name must be 1-63 letters, digits, hyphens or underscores."
  }
}

variable "gke_secrets_key_name" {
  type        = string
  description = "Cloud KMS key that encrypts the GKE cluster's Kubernetes Secrets in etcd; the environment root looks it up by this name."
  default     = "gke-secrets"

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,63}$", var.gke_secrets_key_name))
    error_message = "gke_secrets_key_name must be 1-63 letters, digits, hyphens or underscores."
  }
}

variable "kms_key_rotation_period" {
  type        = string
  description = "Rotation period of the secrets-encryption key, in seconds with an \"s\" suffix (90 days by default)."
  default     = "7776000s"

  validation {
    condition     = can(regex("^[0-9]+s$", var.kms_key_rotation_period)) && try(tonumber(trimsuffix(var.kms_key_rotation_period, "s")) >= 86400, false)
    error_message = "kms_key_rotation_period must be a number of seconds with an \"s\" suffix, at least one day (\"86400s\")."
  }
}

variable "deployer_service_account" {
  type        = string
  description = "Email of the deployer another project's bootstrap created (alphintra-deployer@FIRST-PROJECT.iam.gserviceaccount.com), so one identity, the one the GitHub repository variables name, deploys every environment. Null creates the deployer (and, with github_repository, its federation) in this project."
  default     = null

  validation {
    condition     = var.deployer_service_account == null || can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\\.iam\\.gserviceaccount\\.com$", var.deployer_service_account))
    error_message = "deployer_service_account must be a service account email ACCOUNT@PROJECT.iam.gserviceaccount.com."
  }
}
