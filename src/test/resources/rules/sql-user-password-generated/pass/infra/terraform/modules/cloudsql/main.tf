resource "random_password" "app" {
  length = 32
}

resource "google_sql_user" "app" {
  instance = "alphintra"
  name     = "app"
  password = random_password.app.result
}

# IAM authentication: no password at all.
resource "google_sql_user" "reader" {
  instance = "alphintra"
  name     = "reader@example.iam"
  type     = "CLOUD_IAM_USER"
}
