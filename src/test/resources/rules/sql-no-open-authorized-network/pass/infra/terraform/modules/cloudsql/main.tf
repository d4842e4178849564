resource "google_sql_database_instance" "main" {
  name             = "alphintra"
  database_version = "POSTGRES_17"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = true
      authorized_networks {
        name  = "office"
        value = "203.0.113.0/24"
      }
    }
  }
}
