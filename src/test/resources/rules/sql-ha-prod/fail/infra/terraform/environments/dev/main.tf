module "cloudsql" {
  source            = "../../modules/cloudsql"
  availability_type = "ZONAL"
}
