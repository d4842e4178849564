resource "google_storage_bucket" "state" {
  name                        = "alphintra-tfstate"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
}
