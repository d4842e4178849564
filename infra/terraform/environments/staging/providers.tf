# No default project or region: every resource of the platform names its project and location
# itself, from the module call in main.tf, so the project ID is written once, there.
provider "google" {
  default_labels = {
    app         = "alphintra"
    environment = "staging"
    managed-by  = "terraform"
  }
}
