resource "google_sql_database_instance" "postgres" {
  name             = "alphintra"
  database_version = "POSTGRES_17"
  settings {
    tier              = "db-custom-2-7680"
    availability_type = var.availability_type
  }
}

variable "availability_type" {
  type    = string
  default = "REGIONAL"
}
