module "data" {
  source = "../../modules/data"

  availability_type = "ZONAL"
  redis_tier        = "BASIC"

}
