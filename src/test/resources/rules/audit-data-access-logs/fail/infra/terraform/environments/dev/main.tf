resource "google_project_iam_audit_config" "sql" {
  project = "alphintra-dev"
  service = "cloudsql.googleapis.com"

  audit_log_config {
    log_type = "DATA_READ"
  }
}
