resource "google_sql_database_instance" "main" {
  name             = "alphintra"
  database_version = "POSTGRES_17"
  settings {
    tier = "db-custom-2-7680"
    database_flags {
      name  = "log_checkpoints"
      value = "on"
    }
    database_flags {
      name  = "log_connections"
      value = "off"
    }
    database_flags {
      name  = "log_lock_waits"
      value = "on"
    }
    database_flags {
      name  = "log_temp_files"
      value = "1024"
    }
    database_flags {
      name  = "log_min_duration_statement"
      value = var.slow_ms
    }
  }
}

variable "slow_ms" {
  type    = number
  default = -1
}
