module "gke" {
  source = "../../modules/gke"
  enforced = false
  allowed_images = ["docker.io/istio/*"]
}
