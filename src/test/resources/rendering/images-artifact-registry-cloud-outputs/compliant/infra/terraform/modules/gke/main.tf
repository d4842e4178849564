variable "project_id" {
  type        = string
  description = "The environment's project."
}

variable "region" {
  type        = string
  description = "The environment's region."
}

resource "google_binary_authorization_policy" "project" {
  project = var.project_id

  admission_whitelist_patterns {
    name_pattern = "${var.region}-docker.pkg.dev/${var.project_id}/**"
  }

  default_admission_rule {
    evaluation_mode  = "ALWAYS_DENY"
    enforcement_mode = "ENFORCED_BLOCK_AND_AUDIT_LOG"
  }
}
