resource "google_container_cluster" "primary" {
  name                = "alphintra"
  deletion_protection = var.deletion_protection
}

resource "google_container_cluster" "scratch" {
  name                = "scratch"
  deletion_protection = false
}
