resource "google_sql_database_instance" "main" {
  name = "alphintra"
  settings {
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
    }
  }
}

resource "google_sql_database_instance" "analytics" {
  name = "analytics"
  settings {
    ip_configuration {
      ipv4_enabled = false
    }
  }
}
