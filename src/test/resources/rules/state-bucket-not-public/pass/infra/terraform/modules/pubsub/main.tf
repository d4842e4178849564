# Not a state bucket: neither in bootstrap nor named or labelled for state.
resource "google_storage_bucket" "exports" {
  name     = "alphintra-exports"
  location = "EU"
}
