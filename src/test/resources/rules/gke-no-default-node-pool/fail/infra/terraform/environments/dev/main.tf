module "gke" {
  source = "../../modules/gke"
  remove_default_pool = false
}
