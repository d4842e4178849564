variable "cloudsql_ssl_mode" {
  type        = string
  description = "Which connections Cloud SQL accepts."
}

module "cloudsql" {
  source = "../cloudsql"

  ssl_mode = var.cloudsql_ssl_mode
}
