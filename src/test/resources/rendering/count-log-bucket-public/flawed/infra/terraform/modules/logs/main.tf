resource "google_storage_bucket" "archive" {
  name                        = "shop-prod-log-archive"
  location                    = "US-EAST4"
  uniform_bucket_level_access = true
  public_access_prevention    = var.prevention
  versioning {
    enabled = true
  }
}

resource "google_logging_project_sink" "archive" {
  name        = "archive"
  destination = "storage.googleapis.com/${google_storage_bucket.archive.name}"
  filter      = "severity >= WARNING"
}

variable "prevention" {
  type        = string
  description = "public_access_prevention of the bucket."
}
