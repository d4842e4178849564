module "platform" {
  source = "../../modules/platform"

  project_id = "shop-dev"
  region     = "us-east4"
}
