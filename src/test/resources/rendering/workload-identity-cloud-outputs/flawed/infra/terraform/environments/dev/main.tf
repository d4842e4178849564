module "platform" {
  source = "../../modules/platform"

  environment = "dev"
  project_id  = "shop-dev"
}
