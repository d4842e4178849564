resource "google_sql_user" "admin" {
  instance = "alphintra"
  name     = "admin"
  password = "postgres123"
}

resource "google_sql_user" "app" {
  instance = "alphintra"
  name     = "app"
  password = var.app_password
}

variable "app_password" {
  type      = string
  sensitive = true
}
