module "cloudsql" {
  source            = "../../modules/cloudsql"
  availability_type = var.cloudsql_availability_type
}

resource "google_sql_database_instance" "reporting" {
  name             = "reporting"
  database_version = "POSTGRES_17"
  settings {
    tier = "db-custom-2-7680"
  }
}

variable "cloudsql_availability_type" {
  type = string
}
