resource "google_storage_bucket" "backups" {
  name     = "shop-db-backups"
  location = "US-EAST4"
  versioning {
    enabled = false
  }
}

resource "google_storage_bucket" "archive" {
  name     = "shop-archive"
  location = "US-EAST4"
}

resource "google_logging_project_sink" "archive" {
  name        = "archive"
  destination = "storage.googleapis.com/${google_storage_bucket.archive.name}"
  filter      = "severity >= WARNING"
}
