module "gke" {
  source = "../../modules/gke"
  private_endpoint = false
}
