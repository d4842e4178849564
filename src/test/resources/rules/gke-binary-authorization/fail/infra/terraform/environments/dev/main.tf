module "gke" {
  source = "../../modules/gke"
  enforced = false
}
