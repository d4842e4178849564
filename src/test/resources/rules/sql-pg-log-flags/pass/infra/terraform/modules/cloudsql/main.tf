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
      value = "on"
    }
    database_flags {
      name  = "log_disconnections"
      value = "on"
    }
    database_flags {
      name  = "log_lock_waits"
      value = "on"
    }
    database_flags {
      name  = "log_temp_files"
      value = "0"
    }
    database_flags {
      name  = "log_min_duration_statement"
      value = tostring(var.slow_ms)
    }
  }
}

# Flags set through a dynamic block over a value no caller gives: unknown, so the rule stays silent.
resource "google_sql_database_instance" "tuned" {
  name             = "tuned"
  database_version = "POSTGRES_17"
  settings {
    tier = "db-custom-2-7680"
    dynamic "database_flags" {
      for_each = var.flags
      content {
        name  = database_flags.key
        value = database_flags.value
      }
    }
  }
}

# Not PostgreSQL: the flags do not apply.
resource "google_sql_database_instance" "mysql" {
  name             = "legacy"
  database_version = "MYSQL_8_0"
  settings {
    tier = "db-custom-2-7680"
  }
}

variable "slow_ms" {
  type    = number
  default = 250
}

variable "flags" {
  type = map(string)
}
