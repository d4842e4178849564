module "gke" {
  source = "../../modules/gke"
  secure_boot = false
}
