resource "google_sql_database_instance" "main" {
  name = "alphintra"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled    = false
      private_network = var.network_id
    }
  }
}
