resource "google_sql_database_instance" "postgres" {
  name                = "shop"
  database_version    = "POSTGRES_17"
  deletion_protection = true
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled    = false
      private_network = "projects/shop-prod/global/networks/shop"
      ssl_mode        = "ENCRYPTED_ONLY"
    }
  }
}
