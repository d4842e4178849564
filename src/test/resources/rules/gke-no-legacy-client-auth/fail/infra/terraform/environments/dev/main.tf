module "gke" {
  source = "../../modules/gke"
  admin_password = "placeholder-not-a-secret"
}
