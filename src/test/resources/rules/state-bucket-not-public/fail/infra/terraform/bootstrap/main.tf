resource "google_storage_bucket" "state" {
  name     = "alphintra-bootstrap"
  location = "EU"
}
