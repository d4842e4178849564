locals {
  labels = { app = var.name }
}

resource "google_storage_bucket" "main" {
  name     = var.name
  location = var.location
  labels   = local.labels
}
