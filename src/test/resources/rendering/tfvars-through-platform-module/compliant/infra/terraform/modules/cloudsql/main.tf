resource "google_sql_database_instance" "postgres" {
  name                = "alphintra"
  database_version    = "POSTGRES_17"
  deletion_protection = var.deletion_protection
  settings {
    tier                        = "db-custom-2-7680"
    deletion_protection_enabled = var.deletion_protection
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Whether the database refuses deletion."
}
