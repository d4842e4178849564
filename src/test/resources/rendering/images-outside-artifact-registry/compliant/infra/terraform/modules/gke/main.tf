resource "google_binary_authorization_policy" "project" {
  project                       = var.project_id
  global_policy_evaluation_mode = "ENABLE"

  admission_whitelist_patterns {
    name_pattern = "${var.region}-docker.pkg.dev/${var.project_id}/**"
  }

  dynamic "admission_whitelist_patterns" {
    for_each = var.allowed_images
    content {
      name_pattern = admission_whitelist_patterns.value
    }
  }

  default_admission_rule {
    evaluation_mode  = "ALWAYS_DENY"
    enforcement_mode = "ENFORCED_BLOCK_AND_AUDIT_LOG"
  }
}

variable "project_id" {
  type        = string
  description = "The project."
}

variable "region" {
  type        = string
  description = "The region."
}

variable "allowed_images" {
  type        = list(string)
  description = "Image patterns admitted besides the project's Artifact Registry."
}
