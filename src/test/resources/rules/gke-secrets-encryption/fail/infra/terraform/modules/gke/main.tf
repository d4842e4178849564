resource "google_container_cluster" "primary" {
  name = "alphintra"
  database_encryption {
    state    = var.secrets_encryption
    key_name = "projects/alphintra/locations/us-east4/keyRings/gke/cryptoKeys/secrets"
  }
}

resource "google_container_cluster" "plain" {
  name = "plain"
}

resource "google_container_cluster" "keyless" {
  name = "keyless"
  database_encryption {
    state = "ENCRYPTED"
  }
}

resource "google_container_cluster" "empty_key" {
  name = "empty-key"
  database_encryption {
    state    = "ENCRYPTED"
    key_name = ""
  }
}

resource "google_container_cluster" "decrypted" {
  name = "decrypted"
  database_encryption {
    state = "DECRYPTED"
  }
}
