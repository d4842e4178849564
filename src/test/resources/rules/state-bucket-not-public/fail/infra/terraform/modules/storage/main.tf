resource "google_storage_bucket" "archive" {
  name                        = "alphintra-archive"
  location                    = "EU"
  uniform_bucket_level_access = false
  public_access_prevention    = "inherited"

  labels = {
    purpose = "terraform-state"
  }
}
