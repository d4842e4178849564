resource "google_storage_bucket" "audit" {
  name                        = "shop-audit-logs"
  location                    = "US-EAST4"
  uniform_bucket_level_access = false
}

resource "google_storage_bucket" "dumps" {
  name     = "shop-dumps"
  location = "US-EAST4"
  labels = {
    purpose = "backup"
  }
}
