module "cloudsql" {
  source              = "../../modules/cloudsql"
  deletion_protection = false
}

resource "google_sql_database_instance" "reporting" {
  name             = "reporting"
  database_version = "POSTGRES_17"
  settings {
    tier = "db-custom-2-7680"
  }
}
