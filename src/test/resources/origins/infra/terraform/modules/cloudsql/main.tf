variable "settings" {}
variable "admin_network" {}
variable "flags" {}

resource "google_sql_database_instance" "main" {
  name                = "alphintra-pg"
  database_version    = "POSTGRES_17"
  region              = "us-east4"
  deletion_protection = var.settings.deletion_protection

  settings {
    tier                        = "db-custom-2-7680"
    availability_type           = var.settings.availability_type
    deletion_protection_enabled = var.settings.deletion_protection_enabled

    backup_configuration {
      enabled                        = var.settings.backups
      point_in_time_recovery_enabled = true
    }
    ip_configuration {
      ipv4_enabled = var.settings.public_ip
      ssl_mode     = var.settings.ssl_mode
      authorized_networks {
        name  = "admin"
        value = var.admin_network
      }
    }
    dynamic "database_flags" {
      for_each = var.flags
      content {
        name  = database_flags.key
        value = database_flags.value
      }
    }
  }
}

resource "google_sql_user" "app" {
  name     = "app"
  instance = google_sql_database_instance.main.name
  password = var.settings.password
}
