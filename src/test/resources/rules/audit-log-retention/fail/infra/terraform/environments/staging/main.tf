resource "google_project_iam_audit_config" "all" {
  project = "alphintra-staging"
  service = "allServices"

  audit_log_config {
    log_type = "DATA_READ"
  }
}
