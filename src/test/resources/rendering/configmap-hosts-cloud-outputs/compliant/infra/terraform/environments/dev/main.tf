module "platform" {
  source = "../../modules/platform"

  redis_transit_encryption_mode = "SERVER_AUTHENTICATION"
}
