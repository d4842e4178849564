resource "google_container_cluster" "primary" {
  name = "alphintra"
  binary_authorization {
    evaluation_mode = var.binauthz_mode
  }
}

# Enforced in prod; dev and staging only log (dry run).
resource "google_binary_authorization_policy" "project" {
  default_admission_rule {
    evaluation_mode  = "ALWAYS_DENY"
    enforcement_mode = var.enforced ? "ENFORCED_BLOCK_AND_AUDIT_LOG" : "DRYRUN_AUDIT_LOG_ONLY"
  }
}
