module "gke" {
  source = "../../modules/gke"
  auto_upgrade = false
}
