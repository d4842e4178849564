provider "google" {
  project = var.project_id
  region  = var.region

  default_labels = {
    app         = "alphintra"
    environment = "prod"
    managed-by  = "terraform"
  }
}
