module "gke" {
  source = "../../modules/gke"
  binauthz_mode = "DISABLED"
  enforced      = false
  allowed_images = ["docker.io/istio/*"]
}
