resource "google_container_cluster" "primary" {
  name               = "alphintra"
  enable_legacy_abac = false
}

# Defaults to false.
resource "google_container_cluster" "secondary" {
  name = "secondary"
}
