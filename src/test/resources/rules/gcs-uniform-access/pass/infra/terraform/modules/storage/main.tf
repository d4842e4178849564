resource "google_storage_bucket" "audit" {
  name                        = "shop-audit-logs"
  location                    = "US-EAST4"
  uniform_bucket_level_access = true
}

# Holds neither logs nor backups.
resource "google_storage_bucket" "assets" {
  name     = "shop-assets"
  location = "US-EAST4"
}
