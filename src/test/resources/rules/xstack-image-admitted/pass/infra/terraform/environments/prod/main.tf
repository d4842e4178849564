module "gke" {
  source         = "../../modules/gke"
  project_id     = "shop-prod"
  region         = "us-east4"
  allowed_images = ["docker.io/istio/*"]
}
