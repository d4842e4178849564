resource "google_sql_database_instance" "main" {
  name             = "alphintra"
  database_version = "POSTGRES_17"
  settings {
    backup_configuration {
      enabled                        = var.backups
      point_in_time_recovery_enabled = false
    }
  }
}

resource "google_sql_database_instance" "analytics" {
  name             = "analytics"
  database_version = "POSTGRES_17"
  settings {
    tier = "db-custom-2-7680"
  }
}

variable "backups" {
  type    = bool
  default = false
}
