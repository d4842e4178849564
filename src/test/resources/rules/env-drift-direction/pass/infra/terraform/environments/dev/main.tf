module "data" {
  source = "../../modules/data"

  cluster_location   = "us-east4-b"
  log_retention_days = 30

  availability_type = "ZONAL"
  redis_tier        = "BASIC"

}
