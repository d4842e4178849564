resource "google_container_cluster" "primary" {
  name = "alphintra"
  binary_authorization {
    evaluation_mode = var.binauthz_mode
  }
}

# Enforced in prod; dev and staging only log (dry run).
# prod admits only its own Artifact Registry; dev may list a public registry (it only logs).
resource "google_binary_authorization_policy" "project" {
  project = var.project_id
  admission_whitelist_patterns {
    name_pattern = "us-east4-docker.pkg.dev/${var.project_id}/**"
  }
  dynamic "admission_whitelist_patterns" {
    for_each = var.allowed_images
    content {
      name_pattern = admission_whitelist_patterns.value
    }
  }
  default_admission_rule {
    evaluation_mode  = "ALWAYS_DENY"
    enforcement_mode = var.enforced ? "ENFORCED_BLOCK_AND_AUDIT_LOG" : "DRYRUN_AUDIT_LOG_ONLY"
  }
}
