# Fixture: the environment root as far as up reads it (the project of its module "platform" call).
module "platform" {
  source     = "../../modules/platform"
  project_id = "acme-trading-dev"
}
