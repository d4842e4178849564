locals {
  labels = { app = var.name, region = var.region }
}

resource "google_storage_bucket" "main" {
  name     = var.name
  location = "${var.locaton}-1"
  labels   = local.labels
}
