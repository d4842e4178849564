variable "ssl_mode" {
  type        = string
  description = "Which connections Cloud SQL accepts."
}

resource "google_sql_database_instance" "postgres" {
  name             = "shop-pg"
  database_version = "POSTGRES_17"
  region           = "us-east4"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = var.ssl_mode
    }
  }
}
