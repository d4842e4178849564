module "data" {
  source = "../../modules/data"

  availability_type = "REGIONAL"
  redis_tier        = "STANDARD_HA"

}
