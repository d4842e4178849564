module "platform" {
  source = "../../modules/platform"

  cloudsql_ssl_mode = "ENCRYPTED_ONLY"
}
