locals {
  logging_flags = {
    log_checkpoints            = "on"
    log_connections            = "on"
    log_disconnections         = "on"
    log_lock_waits             = "on"
    log_temp_files             = "0"
    log_min_duration_statement = "250"
  }
  # The caller's flags win over the logging defaults.
  flags = merge(local.logging_flags, var.database_flags)
}

resource "google_sql_database_instance" "postgres" {
  name             = "shop"
  database_version = "POSTGRES_17"
  settings {
    tier = "db-custom-2-7680"
    dynamic "database_flags" {
      for_each = local.flags
      content {
        name  = database_flags.key
        value = database_flags.value
      }
    }
  }
}

variable "database_flags" {
  type        = map(string)
  description = "Cloud SQL flags on top of the logging defaults."
}
