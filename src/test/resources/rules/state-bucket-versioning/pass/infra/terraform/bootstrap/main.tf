resource "google_storage_bucket" "state" {
  name     = "alphintra-tfstate"
  location = "EU"
  versioning {
    enabled = true
  }
}
