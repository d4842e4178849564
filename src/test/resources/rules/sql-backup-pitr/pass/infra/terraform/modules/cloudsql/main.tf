resource "google_sql_database_instance" "main" {
  name             = "alphintra"
  database_version = "POSTGRES_17"
  settings {
    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}
