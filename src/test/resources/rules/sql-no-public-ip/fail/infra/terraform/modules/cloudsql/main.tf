resource "google_sql_database_instance" "main" {
  name = "alphintra"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = true
    }
  }
}

resource "google_sql_database_instance" "replica" {
  name = "alphintra-replica"
  settings {
    tier = "db-custom-2-7680"
  }
}
