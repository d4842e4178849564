module "data" {
  source = "../../modules/data"

  availability_type   = "ZONAL"
  redis_tier          = "STANDARD_HA"
  deletion_protection = false
  cluster_location    = "us-east4-a"
  log_retention_days  = 30
}
