resource "google_sql_database_instance" "main" {
  name = "alphintra"
  settings {
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ENCRYPTED_ONLY"
    }
  }
}
