resource "google_container_cluster" "primary" {
  name               = "alphintra"
  enable_legacy_abac = var.legacy_abac
}

resource "google_container_cluster" "legacy" {
  name               = "legacy"
  enable_legacy_abac = true
}
