resource "random_password" "app" {
  length = 32
}

# secret_id is a name, not a secret; secret_data comes from random_password.
resource "google_secret_manager_secret" "app" {
  secret_id = "alphintra-app-password"
}

resource "google_secret_manager_secret_version" "app" {
  secret      = google_secret_manager_secret.app.id
  secret_data = random_password.app.result
}

resource "google_secret_manager_secret_iam_member" "app" {
  secret_id = google_secret_manager_secret.app.secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:app@example.iam.gserviceaccount.com"
}
