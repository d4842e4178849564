# A zonal instance is fine outside prod.
module "cloudsql" {
  source            = "../../modules/cloudsql"
  availability_type = "ZONAL"
}
