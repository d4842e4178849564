# Not a state bucket: the rule is about terraform/bootstrap only.
resource "google_storage_bucket" "exports" {
  name     = "alphintra-exports"
  location = "EU"
}
