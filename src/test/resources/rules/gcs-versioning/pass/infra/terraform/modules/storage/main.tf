resource "google_storage_bucket" "backups" {
  name     = "shop-db-backups"
  location = "US-EAST4"
  versioning {
    enabled = true
  }
}

# Holds neither logs nor backups: versioning is a choice.
resource "google_storage_bucket" "assets" {
  name     = "shop-assets"
  location = "US-EAST4"
}
