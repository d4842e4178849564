resource "google_logging_project_bucket_config" "audit" {
  project        = "alphintra-dev"
  location       = "us-east4"
  bucket_id      = "audit"
  retention_days = var.audit_log_retention_days
}

resource "google_logging_project_sink" "audit" {
  name        = "audit"
  destination = "logging.googleapis.com/${google_logging_project_bucket_config.audit.id}"
  filter      = "logName:\"cloudaudit.googleapis.com\""
}

variable "audit_log_retention_days" {
  type = number
}
