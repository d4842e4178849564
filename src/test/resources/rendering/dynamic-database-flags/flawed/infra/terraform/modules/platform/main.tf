module "cloudsql" {
  source         = "../cloudsql"
  database_flags = var.database_flags
}

variable "database_flags" {
  type        = map(string)
  description = "Cloud SQL flags on top of the module's logging defaults."
}
