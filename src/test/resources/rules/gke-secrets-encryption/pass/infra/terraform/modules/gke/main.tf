resource "google_kms_crypto_key" "secrets" {
  name     = "secrets"
  key_ring = "projects/alphintra/locations/us-east4/keyRings/gke"
}

resource "google_container_cluster" "primary" {
  name = "alphintra"
  database_encryption {
    state    = "ENCRYPTED"
    key_name = google_kms_crypto_key.secrets.id
  }
}
