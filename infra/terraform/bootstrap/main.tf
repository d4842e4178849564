# Run once per project, before any environment: enables the APIs and creates the bucket that holds
# the environments' Terraform state. This root's own state stays local (see README.md).

locals {
  state_bucket_name = coalesce(var.state_bucket_name, "${var.project_id}-tfstate")
}

resource "google_project_service" "required" {
  for_each = var.services

  project = var.project_id
  service = each.value
  # Disabling an API on destroy would break whatever else in the project uses it.
  disable_on_destroy         = false
  disable_dependent_services = false
}

resource "google_storage_bucket" "state" {
  project  = var.project_id
  name     = local.state_bucket_name
  location = var.region
  # Never delete a bucket that still holds state.
  force_destroy = false

  # Versioning: every apply keeps the previous state, so a bad write can be rolled back.
  versioning {
    enabled = true
  }

  # IAM only, no object ACLs: access is granted in one place.
  uniform_bucket_level_access = true
  # The state contains secrets (generated passwords, the Redis AUTH string): never public.
  public_access_prevention = "enforced"

  # Bounded history: noncurrent versions beyond the newest state_versions_to_keep are deleted.
  lifecycle_rule {
    condition {
      num_newer_versions = var.state_versions_to_keep
      with_state         = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }

  # Deleted objects stay recoverable for a week.
  soft_delete_policy {
    retention_duration_seconds = 604800
  }

  labels = {
    managed-by = "terraform"
    purpose    = "terraform-state"
  }

  lifecycle {
    prevent_destroy = true
  }

  depends_on = [google_project_service.required]
}
