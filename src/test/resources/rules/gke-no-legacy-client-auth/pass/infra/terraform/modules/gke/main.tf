resource "google_container_cluster" "primary" {
  name = "alphintra"
  master_auth {
    client_certificate_config {
      issue_client_certificate = false
    }
  }
}

# Empty credentials are how old configurations turned basic authentication off.
resource "google_container_cluster" "migrated" {
  name = "migrated"
  master_auth {
    username = ""
    password = ""
  }
}
