module "gke" {
  source = "../../modules/gke"
  binauthz_mode = "DISABLED"
  enforced      = false
}
