# dev may be torn down.
module "cloudsql" {
  source              = "../../modules/cloudsql"
  deletion_protection = false
}
