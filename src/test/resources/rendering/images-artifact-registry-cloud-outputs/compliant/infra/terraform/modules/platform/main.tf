variable "project_id" {
  type        = string
  description = "The environment's project."
}

variable "region" {
  type        = string
  description = "The environment's region."
}

resource "google_artifact_registry_repository" "images" {
  project       = var.project_id
  location      = var.region
  repository_id = "shop"
  format        = "DOCKER"
}

module "gke" {
  source = "../gke"

  project_id = var.project_id
  region     = var.region
}
