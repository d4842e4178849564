# Every argument is in the schema; meta-arguments and lifecycle are Terraform's own.
resource "google_compute_network" "main" {
  count = 1

  name                    = "main"
  auto_create_subnetworks = false
  depends_on              = [data.google_project.current]

  timeouts {
    create = "10m"
  }

  lifecycle {
    prevent_destroy = true
  }
}

data "google_project" "current" {
  project_id = "alphintra-dev"
}

# Not a provider the schema describes: left alone.
resource "random_id" "suffix" {
  byte_length = 4
}

# Another provider's schema (google-beta) is not the one given: left alone.
resource "google_compute_network" "beta" {
  provider = google-beta

  name         = "beta"
  beta_feature = true
}
