resource "google_container_cluster" "primary" {
  name                = "alphintra"
  deletion_protection = var.deletion_protection
}

# Unset: the provider defaults to true.
resource "google_container_cluster" "secondary" {
  name = "secondary"
}
