resource "google_secret_manager_secret_version" "app" {
  secret      = "projects/alphintra/secrets/app"
  secret_data = "s3cr3t-Value"
}

resource "google_cloudbuild_trigger" "deploy" {
  name = "deploy"
  substitutions = {
    _API_KEY = "AIzaSyExampleExampleExample"
  }
}
