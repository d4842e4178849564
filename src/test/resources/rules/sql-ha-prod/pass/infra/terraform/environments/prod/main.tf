module "cloudsql" {
  source = "../../modules/cloudsql"
}
