resource "google_container_cluster" "primary" {
  name = "alphintra"
  master_auth {
    username = "admin"
    password = var.admin_password
    client_certificate_config {
      issue_client_certificate = true
    }
  }
}
