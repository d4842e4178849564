variable "settings" {}

resource "google_storage_bucket" "logs" {
  name                        = "alphintra-prod-logs"
  location                    = "US"
  public_access_prevention    = var.settings.public_access_prevention
  uniform_bucket_level_access = var.settings.uniform_access

  versioning {
    enabled = var.settings.versioning
  }
}
