resource "google_project_iam_audit_config" "data_access" {
  for_each = toset(["container.googleapis.com", "cloudsql.googleapis.com"])

  project = var.project
  service = each.value

  audit_log_config {
    log_type = "DATA_READ"
  }
  audit_log_config {
    log_type = "DATA_WRITE"
  }
}

variable "project" {
  type        = string
  description = "The project."
}
