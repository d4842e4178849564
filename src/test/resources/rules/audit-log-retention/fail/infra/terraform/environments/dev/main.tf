resource "google_logging_project_bucket_config" "audit" {
  project   = "alphintra-dev"
  location  = "us-east4"
  bucket_id = "audit"
}

# Routes only GKE container logs, not the audit logs.
resource "google_logging_project_sink" "containers" {
  name        = "containers"
  destination = "logging.googleapis.com/${google_logging_project_bucket_config.audit.id}"
  filter      = "resource.type=\"k8s_container\""
}
