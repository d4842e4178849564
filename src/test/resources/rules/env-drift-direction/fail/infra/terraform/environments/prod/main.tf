module "data" {
  source = "../../modules/data"

  availability_type   = "ZONAL"
  redis_tier          = "STANDARD_HA"
  deletion_protection = false
}
